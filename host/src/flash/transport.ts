// esptool-js's Transport over the Node device, with its trace output routed to a callback.
// Transport.trace() calls console.log unconditionally (even with tracing off, e.g. "readLoop
// exited" on every disconnect), which would corrupt the CLI's stdout and --json output.
import { Transport } from 'esptool-js';
import { NodeSerialDevice } from './serial-device.js';

export class NodeTransport extends Transport {
  readonly nodeDevice: NodeSerialDevice;
  private readonly onTrace: (line: string) => void;

  constructor(device: NodeSerialDevice, onTrace: (line: string) => void = () => undefined, tracing = false) {
    // The Web Serial type esptool-js declares is structurally what NodeSerialDevice provides.
    super(device as unknown as ConstructorParameters<typeof Transport>[0], tracing);
    this.nodeDevice = device;
    this.onTrace = onTrace;
  }

  override trace(message: string): void {
    this.onTrace(message);
  }
}
