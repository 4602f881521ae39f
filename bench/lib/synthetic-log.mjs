// A synthetic console log of a given size, shaped like a long field capture: mostly the
// application's own chatter (sensors, MQTT, HTTP, heap stats — about 93% of the lines), and every
// few minutes a beacon-timeout disconnect with its reconnect in the fixtures' ESP-IDF v5 line
// forms (an episode every ~230 lines, far more often than a healthy device), ms-since-boot stamps
// that keep rising, and a reboot every 200 episodes.
import { createWriteStream } from 'node:fs';

function block(t0, k) {
  const t = (d) => t0 + d;
  const rssi = -60 - (k % 30);
  return [
    `I (${t(0)}) sensor: temperature 21.${k % 10} C, humidity 4${k % 10} %`,
    `I (${t(50)}) mqtt: publish ok, msg_id=${k}`,
    `I (${t(5000)}) wifi:bcn_timeout,ap_probe_send_start`,
    `I (${t(7500)}) wifi:ap_probe_send over, resett wifi status to disassoc`,
    `I (${t(7500)}) wifi:state: run -> init (c800)`,
    `I (${t(7502)}) wifi:pm stop, total sleep time: 53522811 us / 60091227 us`,
    `I (${t(7503)}) wifi:new:<6,0>, old:<6,0>, ap:<255,255>, sta:<6,0>, prof:1`,
    `W (${t(7504)}) wifi_sta: WIFI_EVENT_STA_DISCONNECTED, reason: 200`,
    `I (${t(7600)}) wifi:state: init -> auth (b0)`,
    `I (${t(7610)}) wifi:state: auth -> assoc (0)`,
    `I (${t(7620)}) wifi:state: assoc -> run (10)`,
    `I (${t(7660)}) wifi:connected with Garage AP, aid = 3, channel 6, BW20, bssid = 7c:10:c9:aa:bb:01`,
    `I (${t(7661)}) wifi:security: WPA2-PSK, phy: bgn, rssi: ${rssi}`,
    `I (${t(9100)}) esp_netif_handlers: sta ip: 192.168.1.77, mask: 255.255.255.0, gw: 192.168.1.1`,
    ...Array.from({ length: 200 }, (_, i) => chatter(t(10_000 + i * 1000), i, k)),
  ].join('\n') + '\n';
}

function chatter(t, i, k) {
  switch (i % 8) {
    case 0: return `I (${t}) sensor: temperature 21.${i % 10} C, humidity 4${k % 10} %`;
    case 1: return `I (${t}) mqtt: publish ok, msg_id=${k * 200 + i}, topic=home/garage/temp`;
    case 2: return `D (${t}) http_server: GET /status 200 (${i % 7 + 1} ms)`;
    case 3: return `I (${t}) app: heap free ${180_000 - (i % 50) * 13} B, min ${150_000 + (k % 7)} B`;
    case 4: return `W (${t}) sensor: read retry ${i % 3} on bus 0`;
    case 5: return `I (${t}) mqtt: MQTT_EVENT_DATA topic=home/garage/cmd len=${i % 40}`;
    case 6: return `I (${t}) relay: state ${i % 2 ? 'on' : 'off'} (schedule ${k % 24}:00)`;
    default: return `I (${t}) ota: no update (current 2.3.${k % 10})`;
  }
}

const BOOT = 'ets Jun  8 2016 00:22:57\n\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\nI (29) boot: ESP-IDF v5.1.2 2nd stage bootloader\n';

/** Writes about `bytes` bytes; resolves with { bytes, lines }. */
export function writeSyntheticLog(file, bytes) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('error', reject);
    let written = 0;
    let lines = 0;
    let k = 0;
    let t = 1000;
    const pump = () => {
      let chunk = '';
      while (chunk.length < 1 << 20 && written + chunk.length < bytes) {
        if (k % 200 === 0) {
          chunk += BOOT;
          t = 1000;
        }
        chunk += block(t, k++);
        t += 220_000;
      }
      if (!chunk) return out.end(() => resolve({ bytes: written, lines }));
      written += chunk.length;
      for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lines++;
      if (out.write(chunk)) setImmediate(pump);
      else out.once('drain', pump);
    };
    pump();
  });
}
