/**
 * Host path tests (analyzer/src/model/paths.ts), shared by the model (summary, audit) and the storage rules.
 */
import { describe, expect, it } from 'vitest';
import { isUnder, trimSlash, underDockerRoot } from '../../analyzer/src/model/paths.js';

describe('host paths', () => {
  it('trims trailing slashes but keeps the root', () => {
    expect(trimSlash('/var/lib/docker//')).toBe('/var/lib/docker');
    expect(trimSlash('/')).toBe('/');
    expect(trimSlash('')).toBe('');
  });
  it('knows a path below a root, the root itself, and a sibling that only shares a prefix', () => {
    expect(isUnder('/var/lib/docker/overlay2/x', '/var/lib/docker/')).toBe(true);
    expect(isUnder('/var/lib/docker/', '/var/lib/docker')).toBe(true);
    expect(isUnder('/var/lib/docker-old/x', '/var/lib/docker')).toBe(false);
    expect(isUnder('/anything', '/')).toBe(true);
    expect(isUnder('/anything', '')).toBe(false);
  });
  it("counts no path under a Docker root of `/`, nor under an empty one", () => {
    const roots = ['/', '', '/data/docker/'];
    expect(underDockerRoot('/etc/passwd', roots)).toBe(false);
    expect(underDockerRoot('/data/docker/containers/abc/config.v2.json', roots)).toBe(true);
    expect(underDockerRoot('/data/docker', roots)).toBe(true);
    expect(underDockerRoot('/data/dockerish', roots)).toBe(false);
    expect(underDockerRoot('/var/lib/docker', [])).toBe(false);
  });
});
