// Waiting for one Board event in a HIL test, with a deadline that names the event.
import type { Board, BoardEvents } from '../host/src/index.js';

export function waitFor<K extends keyof BoardEvents>(board: Board, name: K, ms: number, pred: (...a: BoardEvents[K]) => boolean = () => true): Promise<BoardEvents[K]> {
  return new Promise((resolve, reject) => {
    const on = (...args: BoardEvents[K]) => {
      if (!pred(...args)) return;
      clearTimeout(timer);
      board.off(name, on as never);
      resolve(args);
    };
    const timer = setTimeout(() => {
      board.off(name, on as never);
      reject(new Error(`no '${String(name)}' event within ${ms} ms`));
    }, ms);
    board.on(name, on as never);
  });
}
