// One DOM signal that every view has drawn what the state asks for, for tests and benchmarks
// (bench/page.py times filter changes by it): while a view fetches or draws, <main> carries
// data-drawing="true"; when the last one has finished and the browser has painted it, the
// attribute goes and data-drawn counts one more round.
let pending = 0;
let rounds = 0;
let then = [];

function settle() {
  pending -= 1;
  if (pending > 0) return;
  // two frames: the first runs before the paint of what the views just changed, the second after it
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (pending > 0) return;
    const main = document.querySelector('main');
    rounds += 1;
    delete main.dataset.drawing;
    main.dataset.drawn = String(rounds);
    const due = then;
    then = [];
    due.forEach((fn) => fn());
  }));
}

// Runs `fn` once the current round has been drawn (at once if none is under way): for work that
// may follow what the analyst sees, such as the network's layout animation.
export function afterDrawn(fn) {
  if (pending > 0) then.push(fn);
  else fn();
}

// Marks a view's redraw (a promise, or nothing for one already done) as part of the current round.
export function drawing(work) {
  pending += 1;
  document.querySelector('main').dataset.drawing = 'true';
  Promise.resolve(work).then(settle, settle); // a failure is reported by the view itself
  return work;
}
