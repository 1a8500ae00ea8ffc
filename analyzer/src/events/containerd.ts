/**
 * containerd as dockerd sees it (18.09's managed containerd, libcontainerd/supervisor), containerd's
 * own lines, and the runtime's "already exists" family behind the container-id-exists race
 * (field guide §1.4).
 */
import { defineEvent } from './types.js';

const DOCKER = ['docker', 'dockerd'];
const DAEMONS = ['docker', 'dockerd', 'containerd'];

export const CONTAINERD_EVENTS = [
  defineEvent({
    kind: 'containerd.booted',
    title: 'containerd ready',
    nearMiss: 'time="2023-11-15T00:13:19Z" level=info msg="containerd started"',
    from: DAEMONS,
    fields: ['duration'],
    wordings: [{ re: /containerd successfully booted in (?<duration>[\d.]+s)/, hint: 'containerd successfully booted', versions: 'containerd 1.2+', source: '[lab] containerd 1.6.20', sample: 'time="2026-11-28T07:40:10.134518956Z" level=info msg="containerd successfully booted in 0.267354s"' }],
  }),
  defineEvent({
    kind: 'containerd.started-by-dockerd',
    title: 'dockerd started its own containerd',
    nearMiss: 'time="2023-11-15T00:13:19Z" level=info msg="containerd process exited"',
    from: DOCKER,
    fields: [],
    wordings: [{ re: /started new containerd process/, hint: 'started new containerd process', versions: 'docker 18.09+ (managed containerd)', source: '[lab] docker.io 20.10.24 lab-netns', sample: 'time="2026-11-28T07:44:04.135861957Z" level=info msg="libcontainerd: started new containerd process" pid=3826' }],
  }),
  defineEvent({
    kind: 'containerd.restarted-by-dockerd',
    title: 'dockerd killed and restarted containerd',
    nearMiss: 'time="2023-11-15T00:13:19Z" level=info msg="restarting container"',
    from: DOCKER,
    fields: [],
    wordings: [{ re: /killing and restarting containerd/, hint: 'killing and restarting containerd', versions: 'docker 18.09+ (managed containerd)', source: 'moby/moby libcontainerd/supervisor/remote_daemon.go', sample: 'time="2020-06-01T10:00:00Z" level=error msg="failed restarting containerd" error="killing and restarting containerd"' }],
  }),
  defineEvent({
    kind: 'containerd.exit-failed',
    title: 'managed containerd exited with an error',
    nearMiss: 'time="2023-11-15T00:13:19Z" level=info msg="containerd exited successfully"',
    from: DOCKER,
    fields: [],
    wordings: [{ re: /containerd did not exit successfully/, hint: 'containerd did not exit successfully', versions: 'docker 18.09+ (managed containerd)', source: 'moby/moby libcontainerd/supervisor/remote_daemon.go', sample: 'time="2020-06-01T10:00:00Z" level=error msg="containerd did not exit successfully" error="signal: killed" module=libcontainerd' }],
  }),
  defineEvent({
    kind: 'containerd.connection-lost',
    title: 'dockerd lost its connection to containerd',
    chatter: true,
    nearMiss: 'time="2023-11-15T00:13:19Z" level=info msg="connection closed normally"',
    from: DOCKER,
    fields: [],
    wordings: [{ re: /transport is closing/, hint: 'transport is closing', versions: 'docker 18.09+', source: 'field guide §1.4', sample: 'time="2020-06-01T10:00:00Z" level=error msg="failed to get event" error="rpc error: code = Unavailable desc = transport is closing" module=libcontainerd namespace=moby' }],
  }),
  defineEvent({
    kind: 'runtime.id-exists',
    title: 'runtime: container id already exists',
    nearMiss: 'Error response from daemon: Conflict. The container name "/web" is already in use by container "5d0b7f8d5c5e".',
    fields: ['id', 'container'],
    wordings: [
      { re: /container with id exists: ?(?<id>[0-9a-f]*)/, hint: 'container with id exists', versions: 'runc 1.0.0-rc3 (openEuler docker-runc)', source: 'field guide §1.4', sample: 'Error response from daemon: oci runtime error: container with id exists: 3f8e9b0c1d2e' },
      { re: /container with given ID already exists/, hint: 'container with given ID already exists', versions: 'runc 1.1+', source: 'field guide §1.4 (runc libcontainer/factory_linux.go)', sample: 'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: container with given ID already exists: unknown' },
      // dockerd's start of a container whose id containerd still holds (stale state after a kill or an unclean reboot).
      // The client's own echo (`Error response from daemon: id already in use`) repeats dockerd's line: not an event.
      { re: /Failed to start container (?<id>[0-9a-f]{12,64}): id already in use/, hint: 'id already in use', versions: 'docker 18.09 (containerd 1.2 ErrAlreadyExists)', source: 'moby/moby#20570', sample: 'time="2019-02-23T09:01:53.105003904+05:30" level=error msg="Failed to start container 54a981d61e3ba156173a2e544d67bb8c107d382ab5726cefee6157bb71a7d2ee: id already in use"' },
      { re: /containers\/(?<container>[^/\s]+)\/start returned error: id already in use/, hint: 'id already in use', versions: 'docker 18.09 (API v1.39)', source: 'sonic-net/sonic-buildimage#3211', sample: 'time="2019-07-17T10:57:55.506412474Z" level=error msg="Handler for POST /v1.39/containers/database/start returned error: id already in use"' },
    ],
  }),
  defineEvent({
    kind: 'containerd.task-exists',
    title: 'containerd: task already exists',
    nearMiss: 'Error response from daemon: task 5d0b7f8d5c5e: not found',
    fields: ['id'],
    wordings: [{ re: /task (?<id>[0-9a-f]{64}): already exists/, hint: 'already exists', versions: 'containerd 1.2+', source: '[lab] lab-netns-container-id-exists', sample: 'Error response from daemon: task 098ed06dad05cee1dde1b89c97f8e8b7b3e462bce9c0f0893498669b3e8f30c8: already exists' }],
  }),
  defineEvent({
    kind: 'dockerd.container-not-cleaned',
    title: 'container left in containerd by the previous run',
    nearMiss: 'time="2020-06-01T10:00:00Z" level=info msg="Container cleaned up"',
    fields: [],
    wordings: [{ re: /Container not cleaned up from containerd from previous run/, hint: 'not cleaned up', versions: 'docker 18.09+', source: 'field guide §1.4 (moby/moby daemon/start.go)', sample: 'time="2020-06-01T10:00:00Z" level=error msg="Container not cleaned up from containerd from previous run" container=5d0b7f8d5c5e error="task exists"' }],
  }),
];
