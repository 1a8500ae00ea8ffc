/**
 * The link header `ip link` and `bridge link` share: `7: vethX@if6: <FLAGS> rest` and old
 * iproute2's `7: vethX state UP : <FLAGS> rest`. Groups: ifindex, name, text after `@`, the old
 * operstate, flags, rest.
 *
 * The separator after the old state is `\s+(?::\s*)?`, not `\s+:?\s*`: both match the same text,
 * but the second splits a run of blanks two ways, which was quadratic on a line of 65,000 spaces.
 */
export const LINK_HEADER = /^(\d+):\s+([^\s:@]+)(?:@([^\s:]+))?:?\s+(?:state\s+(\S+)\s+(?::\s*)?)?<([^>]*)>\s*(.*)$/;
