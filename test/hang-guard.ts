// Tests time hostile inputs only to catch a hang — catastrophic regex backtracking or a
// runaway loop, which takes minutes or never ends on these inputs. The bound is far above
// any healthy run on a loaded shared 2-core box, so it is not a speed target: speed is
// measured (medians) by `npm run bench`.
export const HANG_GUARD_MS = 10_000;
