#!/usr/bin/env python3
"""Trim an unpacked collector bundle for committing as a sample.

- removes key material (key.json, *.pem, *.crt, *.key): never commit keys;
- empties cmd/dmesg.txt: inside nspawn, dmesg is the lab host's ring buffer (its boot log, other labs'
  veth lines), not the machine's;
- rewrites manifest.json items for changed/removed files (bytes, sha256) and lists every trim under
  "sampleTrims" so a reader of the sample knows what is not as collected.
Usage: trim-bundle.py BUNDLE_DIR ORIGINAL_ARCHIVE_NAME
"""
import hashlib, json, os, re, sys

root, archive = sys.argv[1], sys.argv[2]
trims = []
KEY = re.compile(r'(^|/)(key\.json|.*\.pem|.*\.crt|.*\.key)$')
for d, _, files in os.walk(root):
    for f in files:
        rel = os.path.relpath(os.path.join(d, f), root)
        if KEY.search(rel):
            os.remove(os.path.join(root, rel)); trims.append({"path": rel, "action": "removed (key material)"})

dm = os.path.join(root, 'cmd/dmesg.txt')
if os.path.exists(dm):
    # Inside nspawn, dmesg is the lab host's ring buffer: its boot log plus the veth/bridge lines of every
    # other lab on that host. Any of it would be a false signal for this machine, so none is kept.
    n = sum(1 for _ in open(dm, 'rb'))
    open(dm, 'w').close()
    trims.append({"path": "cmd/dmesg.txt", "action": f"emptied ({n} lines): inside nspawn it is the lab host's kernel log (other labs' veth lines), not this machine's"})

mpath = os.path.join(root, 'manifest.json')
m = json.load(open(mpath))
changed = {t["path"]: t for t in trims}
items = []
for it in m.get("items", []):
    p = it.get("path")
    if p in changed and changed[p]["action"].startswith("removed"):
        continue
    if p in changed:
        data = open(os.path.join(root, p), 'rb').read()
        it["bytes"] = len(data); it["sha256"] = hashlib.sha256(data).hexdigest()
    items.append(it)
m["items"] = items
m["sampleTrims"] = {"from": archive, "trims": trims}
with open(mpath, 'w') as fh:
    json.dump(m, fh, indent=2); fh.write('\n')
