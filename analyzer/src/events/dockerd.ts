/**
 * dockerd's own lines: logrus (`time="…" level=info msg="…"`, 18.09 and 20.10+ share these
 * messages) and the bare stderr lines it prints when it cannot start (field guide §0), plus Go
 * runtime failures of dockerd and containerd, and configuration warnings.
 */
import { defineEvent } from './types.js';

const DOCKER = ['docker', 'dockerd'];
const DAEMONS = ['docker', 'dockerd', 'containerd'];
const LAB = '[lab] docker.io 20.10.24';
/** `\"` inside a journald MESSAGE that quotes a logrus msg, or a plain quote. */
const Q = String.raw`\\?"`;

export const DOCKERD_EVENTS = [
  defineEvent({
    kind: 'dockerd.starting',
    title: 'dockerd starting',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=info msg="Starting container"',
    from: DOCKER,
    fields: [],
    wordings: [{ re: /msg="Starting up"/, hint: 'Starting up', versions: 'docker 18.09+', source: LAB, sample: 'time="2023-11-15T00:13:20.123456789Z" level=info msg="Starting up"' }],
  }),
  defineEvent({
    kind: 'dockerd.api-listen',
    title: 'dockerd serving its API',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=info msg="API shutting down"',
    from: DOCKER,
    fields: ['address'],
    wordings: [{ re: /msg="API listen on (?<address>[^"]+)"/, hint: 'API listen on', versions: 'docker 1.12+', source: LAB, sample: 'time="2023-11-15T00:13:21.5Z" level=info msg="API listen on /run/docker.sock"' }],
  }),
  defineEvent({
    kind: 'dockerd.init-done',
    title: 'dockerd initialised',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=info msg="Daemon is initializing"',
    from: DOCKER,
    fields: [],
    wordings: [{ re: /msg="Daemon has completed initialization"/, hint: 'Daemon has completed initialization', versions: 'docker 1.12+', source: LAB, sample: 'time="2023-11-15T00:13:21.4Z" level=info msg="Daemon has completed initialization"' }],
  }),
  defineEvent({
    kind: 'dockerd.signal',
    title: 'dockerd asked to stop',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=info msg="Processing event"',
    from: DOCKER,
    fields: ['signal'],
    wordings: [{ re: /msg="Processing signal '(?<signal>\w+)'"/, hint: 'Processing signal', versions: 'docker 1.12+', source: LAB, sample: `time="2023-11-15T00:20:00.1Z" level=info msg="Processing signal 'terminated'"` }],
  }),
  defineEvent({
    kind: 'dockerd.shutdown-complete',
    title: 'dockerd stopped cleanly',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=info msg="Daemon shutdown started"',
    from: DOCKER,
    fields: [],
    wordings: [{ re: /msg="Daemon shutdown complete"/, hint: 'Daemon shutdown complete', versions: 'docker 1.12+', source: LAB, sample: 'time="2023-11-15T00:20:01.2Z" level=info msg="Daemon shutdown complete"' }],
  }),
  defineEvent({
    kind: 'dockerd.start-error',
    title: 'dockerd could not start',
    from: DOCKER,
    fields: ['cause'],
    wordings: [
      { re: /^failed to start daemon: (?<cause>.*)$/s, hint: 'failed to start daemon: ', versions: 'docker 20.10+', source: LAB, sample: 'failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to get bridge network configurations from store: error while populating kmap: file size too small' },
      { re: /^Error starting daemon: (?<cause>.*)$/s, hint: 'Error starting daemon: ', versions: 'docker 18.09–19.03', source: 'field guide §0 (moby/moby cmd/dockerd/daemon.go v18.09.0)', sample: 'Error starting daemon: error initializing graphdriver: devmapper: Base Device UUID and Filesystem verification failed: devicemapper: Can\'t set cookie dm_task_set_cookie failed' },
      { re: /level=fatal msg="Error starting daemon: (?<cause>(?:[^"\\]|\\.)*)"/, hint: 'Error starting daemon: ', versions: 'docker 1.12–17.x', source: 'moby/moby#33603', sample: 'time="2017-06-09T10:32:19.431496934+08:00" level=fatal msg="Error starting daemon: error initializing graphdriver: devmapper: Base Device UUID and Filesystem verification failed: devicemapper: Can\'t set cookie dm_task_set_cookie failed"' },
    ],
    nearMiss: 'level=error msg="failed to start container" container=abc error="network x not found"',
  }),
  defineEvent({
    kind: 'dockerd.config-error',
    title: 'dockerd refused its configuration file',
    nearMiss: 'unable to configure the container runtime',
    from: DOCKER,
    fields: ['file', 'cause'],
    wordings: [{ re: /^unable to configure the Docker daemon with file (?<file>\S+?): (?<cause>.*)$/s, hint: 'unable to configure the Docker daemon', versions: 'docker 1.12+', source: LAB, sample: 'unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character \'}\' looking for beginning of object key string' }],
  }),
  defineEvent({
    kind: 'dockerd.log-level-error',
    title: 'dockerd refused its log level',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=info msg="Setting logging level to debug"',
    from: DOCKER,
    fields: ['level'],
    wordings: [{ re: /unable to parse logging level: (?<level>\S+)/, hint: 'unable to parse logging level', versions: 'docker 1.12+', source: LAB, sample: 'unable to parse logging level: verbose' }],
  }),
  defineEvent({
    kind: 'dockerd.fatal',
    title: 'dockerd fatal error',
    nearMiss: 'time="2017-05-30T09:40:31Z" level=error msg="Handler for GET /info returned error"',
    from: DOCKER,
    fields: ['cause'],
    // `Error starting daemon: …` at level=fatal is dockerd.start-error's 17.x wording, not this kind.
    wordings: [{ re: /level=fatal msg="(?!Error starting daemon: )(?<cause>(?:[^"\\]|\\.)*)"/, hint: 'level=fatal', versions: 'docker 1.12–17.x', source: 'moby/moby daemon/graphdriver/devmapper/deviceset.go (1.x)', sample: 'time="2017-05-30T09:40:31.546134668+08:00" level=fatal msg="Base Device UUID verification failed. Possibly using a different thin pool than last invocation:Unknown Device"' }],
  }),
  defineEvent({
    kind: 'dockerd.api-error',
    title: 'dockerd API request failed',
    nearMiss: 'time="2019-07-17T10:57:55Z" level=debug msg="Calling POST /v1.39/containers/database/start"',
    from: DOCKER,
    fields: ['method', 'container', 'action'],
    wordings: [{ re: /Handler for (?<method>[A-Z]+) \/(?:v[\d.]+\/)?containers\/(?<container>[^/\s?]+)\/(?<action>\w+) returned error: /, hint: 'returned error: ', versions: 'docker 1.12+', source: 'sonic-net/sonic-buildimage#3211', sample: 'time="2019-07-17T10:57:55.506412474Z" level=error msg="Handler for POST /v1.39/containers/database/start returned error: id already in use"' }],
  }),
  defineEvent({
    kind: 'dockerd.loading-containers',
    title: 'dockerd loading containers',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=info msg="Loading images"',
    from: DOCKER,
    fields: ['phase'],
    wordings: [{ re: /Loading containers: (?<phase>start|done)\./, hint: 'Loading containers: ', versions: 'docker 1.12+', source: LAB, sample: 'time="2023-11-15T00:13:20.9Z" level=info msg="Loading containers: start."' }],
  }),
  defineEvent({
    kind: 'dockerd.log-line',
    title: 'dockerd wrote a line',
    // Every dockerd record (journald-restart looks for silence); `\S` needs no hint: it is the unit filter that selects.
    from: ['dockerd'],
    fields: [],
    wordings: [{ re: /\S/, hint: '', versions: 'any', source: LAB, sample: 'time="2023-11-15T00:13:20.9Z" level=info msg="Loading containers: start."' }],
  }),
  defineEvent({
    kind: 'go.panic',
    title: 'Go panic',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=error msg="recovered from panic in handler"',
    from: DAEMONS,
    fields: ['text'],
    wordings: [{ re: /^panic: (?<text>.*)$/s, hint: 'panic: ', versions: 'any Go daemon', source: 'etcd-io/bbolt#883', sample: 'panic: invalid page type: 0: 4' }],
  }),
  defineEvent({
    kind: 'go.fatal-error',
    title: 'Go runtime fatal error',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=error msg="a fatal error was avoided"',
    from: DAEMONS,
    fields: ['text'],
    wordings: [{ re: /^fatal error: (?<text>.*)$/s, hint: 'fatal error: ', versions: 'any Go daemon', source: 'field guide §2', sample: 'fatal error: concurrent map writes' }],
  }),
  defineEvent({
    kind: 'go.os-thread-failed',
    title: 'Go runtime could not create a thread',
    nearMiss: 'runtime: created new OS thread (have 7 already)',
    fields: [],
    wordings: [{ re: /runtime: failed to create new OS thread \(have \d+ already; errno=11\)/, hint: 'failed to create new OS thread', versions: 'any Go program', source: 'field guide §2 (Go runtime, runtime/os_linux.go)', sample: 'runtime: failed to create new OS thread (have 7 already; errno=11)' }],
  }),
  defineEvent({
    kind: 'dockerd.graph-flag-deprecated',
    title: '--graph flag deprecated',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=warning msg="The \\"--data-root\\" flag is set"',
    from: DOCKER,
    fields: [],
    wordings: [
      // The advice may be cut off where systemctl/journalctl wrapped the line (kubevirt/kubevirt#321).
      { re: new RegExp(String.raw`The ${Q}-g / --graph${Q} flag is deprecated\.(?: Please(?:\s+use ${Q}--data-root${Q} instead)?)?`), hint: 'flag is deprecated', versions: 'docker 17.05–20.10', source: `${LAB}, kubevirt/kubevirt#321`, sample: 'time="2023-11-15T00:13:20Z" level=warning msg="The \\"-g / --graph\\" flag is deprecated. Please use \\"--data-root\\" instead"' },
      // cobra's own notice (pflag MarkDeprecated), printed on stderr before the daemon starts (23.0+).
      { re: /^Flag --graph has been deprecated, Use --data-root instead/, hint: 'Flag --graph has been deprecated', versions: 'docker 23.0+', source: 'moby/moby#43981', sample: 'Flag --graph has been deprecated, Use --data-root instead' },
    ],
  }),
  defineEvent({
    kind: 'dockerd.graph-option-deprecated',
    title: 'graph option deprecated',
    nearMiss: 'time="2023-11-15T00:13:20Z" level=warning msg="The \\"debug\\" config file option is set"',
    from: DOCKER,
    fields: [],
    wordings: [{ re: new RegExp(String.raw`The ${Q}graph${Q} config file option is deprecated\. Please use ${Q}data-root${Q} instead\.`), hint: 'config file option is deprecated', versions: 'docker 17.05–20.10', source: LAB, sample: 'time="2023-11-15T00:13:20Z" level=warning msg="The \\"graph\\" config file option is deprecated. Please use \\"data-root\\" instead."' }],
  }),
  defineEvent({
    kind: 'dockerd.graph-option-fatal',
    title: 'graph option refused',
    nearMiss: 'failed to start daemon: the "debug" config file option is not valid',
    from: DOCKER,
    fields: [],
    wordings: [{ re: new RegExp(String.raw`the ${Q}graph${Q} config file option is deprecated; use ${Q}data-root${Q} instead`), hint: 'config file option is deprecated', versions: 'docker 23.0+', source: 'moby/moby cmd/dockerd/config.go (v23.0.0)', sample: 'failed to start daemon: the "graph" config file option is deprecated; use "data-root" instead' }],
  }),
  defineEvent({
    kind: 'dockerd.umask-unsupported',
    title: 'native.umask value refused',
    nearMiss: 'time="2021-03-01T12:55:56Z" level=info msg="native.umask option 0022 set"',
    from: DOCKER,
    fields: ['value'],
    wordings: [{ re: /native\.umask option (?<value>\S+) not supported/, hint: 'native.umask option', versions: 'openEuler docker-engine 18.09', source: 'openEuler guide: native.umask', sample: 'Error starting daemon: native.umask option 0077 not supported' }],
  }),
];
