// Buffer views for token values, made cheaply. A frame line yields one view per token, so on a
// busy stream the view constructor is the decoder's largest single cost. Buffer#subarray
// normalises its arguments and reads the `buffer`/`byteOffset` getters on every call; this class
// takes the ArrayBuffer and absolute offset directly, which measured about twice as fast
// (bench/metrics/decode.mjs). Its instances are Buffers in every observable way: Buffer's
// prototype (so all Buffer methods), `Buffer.isBuffer`, `instanceof Buffer` and
// `.constructor === Buffer` hold, as they do for Node's own (internal) FastBuffer.
class BufferView extends Uint8Array {}
Object.setPrototypeOf(BufferView.prototype, Buffer.prototype);
Object.defineProperty(BufferView.prototype, 'constructor', { value: Buffer, writable: true, configurable: true });

/** A Buffer over `ab[offset..offset+length)` (no copy). */
export function bufferView(ab: ArrayBufferLike, offset: number, length: number): Buffer {
  return new BufferView(ab as ArrayBuffer, offset, length) as unknown as Buffer;
}
