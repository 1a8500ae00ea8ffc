/** Kernel lines that corroborate an unclean stop in the next boot (field guide §5). */
import { defineEvent } from './types.js';

export const KERNEL_EVENTS = [
  defineEvent({
    kind: 'kernel.fs-recovery',
    title: 'file system journal recovery',
    nearMiss: 'XFS (dm-0): Ending clean mount',
    from: ['kernel'],
    fields: ['device'],
    wordings: [
      { re: /XFS \((?<device>[^)]+)\): Starting recovery/, hint: 'Starting recovery', versions: 'Linux', source: 'field guide §5', sample: 'XFS (dm-0): Starting recovery (logdev: internal)' },
      { re: /EXT4-fs \((?<device>[^)]+)\): recovery complete/, hint: 'recovery complete', versions: 'Linux', source: 'field guide §5', sample: 'EXT4-fs (vda1): recovery complete' },
    ],
  }),
  defineEvent({
    kind: 'kernel.panic-or-oom',
    title: 'kernel panic, OOM or lockup',
    nearMiss: 'oom_reaper: reaped process 1234 (java), now anon-rss:0kB',
    from: ['kernel'],
    fields: [],
    wordings: [
      { re: /Kernel panic - not syncing/, hint: 'Kernel panic', versions: 'Linux', source: 'field guide §5', sample: 'Kernel panic - not syncing: Fatal exception' },
      { re: /Out of memory: Kill/, hint: 'Out of memory: Kill', versions: 'Linux', source: 'field guide §5', sample: 'Out of memory: Killed process 1234 (dockerd) total-vm:1000kB' },
      { re: /invoked oom-killer/, hint: 'invoked oom-killer', versions: 'Linux', source: 'field guide §5', sample: 'dockerd invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=-500' },
      { re: /watchdog: BUG: soft lockup/, hint: 'soft lockup', versions: 'Linux', source: 'field guide §5', sample: 'watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [dockerd:1234]' },
    ],
  }),
];
