/**
 * Makes a Y4M video of a QR code for Chromium's fake camera
 * (`--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file.y4m>`): a few
 * empty frames (nobody holds a phone up yet), then the code, slightly off-centre on a grey
 * background. When ffmpeg is installed the frames also get camera-like noise and blur.
 *
 *   npx tsx test-support/qr-video.ts "<text>" out.y4m
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync, renameSync } from 'node:fs';
import qrcode from 'qrcode-generator';

export interface QrVideoOptions {
  width?: number;
  height?: number;
  /** Frames without the code, then frames with it. */
  emptyFrames?: number;
  codeFrames?: number;
  /** Pixels per QR module. */
  moduleSize?: number;
  /** Pass the frames through ffmpeg for noise and blur (when it is installed). */
  camera?: boolean;
  /** QR mode: 'Alphanumeric' for a hand-in code (`FL:` + base45). */
  mode?: 'Byte' | 'Alphanumeric';
}

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes the video to `out` and returns the path. */
export function makeQrVideo(text: string, out: string, o: QrVideoOptions = {}): string {
  const W = o.width ?? 640;
  const H = o.height ?? 480;
  const qr = qrcode(0, 'L');
  qr.addData(text, o.mode ?? 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const size = o.moduleSize ?? Math.max(2, Math.floor((Math.min(W, H) - 60) / (n + 8)));
  const quiet = 4 * size;
  const side = n * size + 2 * quiet;
  const x0 = Math.floor((W - side) / 2) + 12;
  const y0 = Math.floor((H - side) / 2) - 6;

  const empty = new Uint8Array(W * H).fill(118);
  const coded = new Uint8Array(empty);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const px = x0 + x;
      const py = y0 + y;
      if (px < 0 || py < 0 || px >= W || py >= H) continue;
      const mx = Math.floor((x - quiet) / size);
      const my = Math.floor((y - quiet) / size);
      const dark = mx >= 0 && my >= 0 && mx < n && my < n && qr.isDark(my, mx);
      coded[py * W + px] = dark ? 24 : 235;
    }
  }
  const chroma = new Uint8Array((W / 2) * (H / 2)).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.from('FRAME\n');
  const parts: Buffer[] = [header];
  const add = (luma: Uint8Array) => parts.push(frame, Buffer.from(luma), Buffer.from(chroma), Buffer.from(chroma));
  for (let i = 0; i < (o.emptyFrames ?? 5); i++) add(empty);
  for (let i = 0; i < (o.codeFrames ?? 20); i++) add(coded);
  writeFileSync(out, Buffer.concat(parts));

  if ((o.camera ?? true) && hasFfmpeg()) {
    const tmp = `${out}.raw.y4m`;
    renameSync(out, tmp);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', tmp, '-vf', 'noise=alls=6:allf=t,gblur=sigma=0.6', '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', out], { stdio: 'inherit' });
  }
  return out;
}

if (process.argv[1] && /qr-video\.ts$/.test(process.argv[1])) {
  const [text, out] = process.argv.slice(2);
  if (!text || !out) {
    console.error('usage: npx tsx test-support/qr-video.ts "<text>" out.y4m');
    process.exit(2);
  }
  console.log(makeQrVideo(text, out));
}
