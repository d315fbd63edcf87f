/** Progress on stderr: a redrawn bar on a terminal, a plain line per 10% elsewhere (CI logs). */
export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  let done = 0;
  let lastDecile = -1;
  const started = Date.now();
  const render = () => {
    const ratio = total ? done / total : 1;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      stream.write(`\r${label.padEnd(12)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
      if (done >= total) stream.write(` ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${label}: ${done}/${total} (${Math.round(ratio * 100)}%)\n`);
      }
    }
  };
  render();
  return {
    advance(by = 1) {
      done = Math.min(total, done + by);
      render();
    },
  };
}
