export interface Progress {
  tick(): void;
  done(): void;
}

const WIDTH = 30;
const REDRAW_EVERY_MS = 100;

/**
 * A one-line bar on stderr, redrawn in place with `\r`; silent when stderr is not a terminal,
 * so that logs of CI runs are not filled with redraws. stdout stays free for the table.
 */
export function progressBar(label: string, total: number): Progress {
  const stream = process.stderr;
  let count = 0;
  let lastDraw = 0;
  const draw = () => {
    const filled = Math.round((count / total) * WIDTH);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${count}/${total}`);
  };
  if (!stream.isTTY) return { tick: () => undefined, done: () => undefined };
  return {
    tick() {
      count++;
      if (Date.now() - lastDraw < REDRAW_EVERY_MS && count < total) return;
      lastDraw = Date.now();
      draw();
    },
    done() {
      draw();
      stream.write('\n');
    },
  };
}
