// Picks a transport from the port string: rfc2217://host:port, socket://host:port, or a device path.
import type { Transport, TransportOptions } from './types.js';
export type { Transport, TransportOptions, ControlSignals } from './types.js';

export async function createTransport(url: string, options: TransportOptions = {}): Promise<Transport> {
  if (url.startsWith('rfc2217://')) {
    const { Rfc2217Transport } = await import('./rfc2217.js');
    return new Rfc2217Transport(url, options);
  }
  if (url.startsWith('socket://')) {
    const { SocketTransport } = await import('./socket.js');
    return new SocketTransport(url, options);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (scheme) {
    const { EspWifiError } = await import('../errors.js');
    throw new EspWifiError('BAD_ARG', `unsupported scheme "${scheme[1]}://" in ${url}; use a device path, rfc2217://host:port or socket://host:port`);
  }
  // `espwifi watch` holds this port: go through its relay instead of failing with "port busy".
  const { sharedPortFor } = await import('./shared-port.js');
  const shared = sharedPortFor(url);
  if (shared) {
    const { SocketTransport } = await import('./socket.js');
    return new SocketTransport(shared, options);
  }
  const { SerialTransport } = await import('./serial.js');
  return new SerialTransport(url, options);
}
