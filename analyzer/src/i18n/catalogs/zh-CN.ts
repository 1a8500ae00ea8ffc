/**
 * 简体中文。术语和章节名称遵循 openEuler 中文文档《安装配置》（Docker 容器引擎）：容器、守护进程、
 * 信号量、网卡、存储驱动、强制退出、掉电。术语表：docs/glossary.md。
 * 命令、路径、标识符和日志摘录不翻译。
 */
import { zhCN } from 'date-fns/locale/zh-CN';
import { defineCatalog } from '../types.js';

export default defineCatalog({
  tag: 'zh-CN',
  name: '简体中文',
  aliases: ['zh', 'zh-Hans', 'zh-Hans-CN', 'zh-SG'],
  dateLocale: zhCN,
  ui: {
    'report.title': 'docker-postmortem 报告',
    'report.verdict': '结论',
    'report.findings': '发现的问题',
    'report.findings-count': '发现的问题（{{count}}）',
    'report.most-severe': '最严重的问题',
    'report.root-causes': '根本原因',
    'report.timeline': '时间线',
    'report.coverage': '采集与检查覆盖',
    'report.host-facts': '主机信息',
    'report.inventory': '采集包内容',
    'report.explanation': '说明',
    'report.remediation': '处理方法',
    'report.evidence': '证据',
    'report.more-lines': '{{count, plural, other{另有 # 行}}}',
    'report.more-occurrences': '{{count, plural, other{另有 # 次}}}',
    'report.caused-by': '起因',
    'report.causes': '导致',
    'report.guide-section': 'openEuler 指南',
    'report.source': '来源',
    'report.severity': '严重级别',
    'report.confidence': '置信度',
    'report.category': '类别',
    'report.status': '状态',
    'report.time': '时间',
    'report.first-seen': '首次出现',
    'report.last-seen': '最后出现',
    'report.copy': '复制',
    'report.filter': '筛选',
    'report.no-findings': '未发现问题。',
    'report.not-evaluated': '未检查',
    'report.show-passed': '显示已通过的检查',
    'report.collect-next': '下次需采集',
    'report.collect-next-command': '采集 {{command}}',
    'report.unconfirmed': '仅在日志中看到；以下状态快照可以证实：{{artifact}}',
    'report.in-english': '英文',
    'report.bundle': '采集包',
    'report.host': '主机',
    'report.collected': '采集时间',
    'report.collected-at': '采集于 {{time}}',
    'report.unknown': '未知',
    'report.docker-version': 'Docker {{version}}',
    'report.docker-version-unknown': 'Docker 版本未知',
    'report.kernel': '内核 {{kernel}}',
    'report.flavor.openeuler-docker-engine': 'openEuler docker-engine',
    'report.flavor.upstream': '上游 Docker',
    'report.flavor.unknown': '发行版本未知',
    'report.and-more': '……另有 {{count}} 项（见 HTML 报告）',
    'report.more-findings': '{{count, plural, other{……另有 # 个问题，见 HTML 报告}}}',
    'report.more-chains': '{{count, plural, other{……另有 # 条因果链，见 HTML 报告}}}',
    'report.checks-not-evaluated': '{{count, plural, other{# 项检查未完整执行}}}',
    'report.severity-counts': '{{severity}} {{count}} 个',
    'report.fix': '处理',
    'report.boots': '系统启动',
    'report.packages': '软件包',
    'report.storage': '存储',
    'report.semaphores': '信号量',
    'report.daemon-config': '生效的守护进程配置',
    'report.parser-problems': '解析问题',
    'report.reader-problems': '读取问题',
    'report.artifact': '采集项',
    'report.artifacts-not-clean': '未完整采集的采集项',
    'report.every-artifact-collected': '所有采集项均已采集。',
    'report.checks-evaluated': '已执行的检查',
    'report.checks-inconclusive': '无法得出结论的检查',
    'report.every-check-ran': '每项检查都有足够的证据。',
    'report.language': '语言',
    // report.html page (reports/view-model.ts, templates)
    'page.nav-sections': '章节',
    'page.footer': '生成工具：{{tool}}。所有时间均为 UTC。从归档中引用的内容均按原文显示。',
    'page.tool': '{{name}} {{version}}（规则 {{rules}}，报告格式 {{schema}}）',
    // --audience engineer：折叠的技术信息部分
    'page.technical': '技术信息',
    'page.technical-note': '供技术支持工程师使用：按规则的检查覆盖、读取和解析问题、归档清单及内部标识',
    'page.technical-findings': '发现项标识',
    'page.technical-col-id': '发现项标识',
    'page.technical-col-message': '消息标识',
    'page.technical-col-subject': '对象',
    'page.technical-col-rule': '规则模块',
    'page.title': 'docker-postmortem：{{host}}',
    'page.root-cause': '根本原因',
    'page.leads-to': '导致',
    'page.body-summary': '说明、修复与证据',
    'page.further-occurrences': '其他发生情况',
    'page.episodes-count': '（显示 {{shown}} 条，另有 {{more}} 条）',
    'page.evidence-count': '（{{shown}} / {{total}}）',
    'page.evidence-more': '另有 {{more}} 行证据未显示（共 {{total}} 行；分析器保留的摘录见 JSON 报告）。',
    'page.no-time': '无时间',
    'page.when-boot': '{{span}}（第 {{boot}} 次启动）',
    'page.unconfirmed': '仅依据日志：能够证实它的快照未被收集。',
    'page.collect-next': '下一步收集',
    'page.filter-findings': '筛选问题',
    'page.filter-count': '显示 {{shown}} / {{total}} 个问题（默认隐藏信息级）。',
    'page.no-findings-before': '未发现问题。已运行和无法运行的检查见',
    'page.no-findings-link': '覆盖范围',
    'page.no-findings-after': '。',
    'page.findings-compact': '最后 {{count}} 个问题各显示一行；其说明、修复与证据见 JSON 报告。',
    'page.findings-omitted': '另有 {{count}} 个问题未在此列出；JSON 报告包含全部问题。',
    'page.missing-from-bundle': '此归档中缺少',
    'page.collect-with': '收集命令',
    'page.see': '见',
    'page.health-link': '收集状况与覆盖范围',
    'page.checked': '已检查：',
    'page.collector': '收集器',
    'page.as-root': '以 root 身份',
    'page.yes': '是',
    'page.no': '否',
    'page.docker-flavor': 'Docker 类型',
    'page.host-zone': '主机时区',
    'page.layout': '布局',
    'page.version.kernel': '内核',
    'page.version.os': '操作系统',
    'page.counts-none': '未发现问题',
    'page.not-evaluated-count': '{{total}} 项检查中有 {{count}} 项无法完整评估',
    'page.timeline-count': '（{{total}} 个事件，UTC）',
    'page.timeline-empty': '此归档中没有带时间戳的事件',
    'page.undated-left-out': '（未计入 {{count}} 个无时间事件）',
    'page.legend': '图例',
    'page.legend-start': '启动、开始、就绪',
    'page.legend-stop': '停止、重启',
    'page.legend-bad': '崩溃、失败、非正常结束',
    'page.legend-other': '其他日志信号',
    'page.legend-finding': '问题',
    'page.chart-caption': '从 {{start}} 到 {{end}}。每个事件一个标记；较大的标记表示崩溃、失败和问题。',
    'page.marks-omitted': '另有 {{count}} 个事件未绘制。',
    'page.undated-sentence': '未计入 {{count}} 个无时间事件。',
    'page.timeline-aria': '{{count}} 个事件的时间线',
    'page.col-time': '时间（UTC）',
    'page.col-lane': '通道',
    'page.col-event': '事件',
    'page.rows-omitted': '另有 {{count}} 个事件未列出（共 {{total}} 个）。',
    'page.lane.finding': '问题',
    'page.health': '收集状况与覆盖范围',
    'page.journal-truncated': '此归档中的 journal 被截断：早期事件可能缺失。',
    'page.col-state': '状态',
    'page.col-detail': '详情',
    'page.col-paths': '路径',
    'page.problems-count': '{{count}} 个问题',
    'page.line': '第 {{line}} 行',
    'page.col-check': '检查',
    'page.col-why': '原因',
    'page.col-logs-snapshots': '日志与快照',
    'page.col-result': '结果',
    'page.evaluated-count': '（{{evaluated}} 项，{{passed}} 项通过）',
    'page.and-more': '另有 {{count}} 项',
    'page.replaced-by': '被替换为',
    'page.superseded': '被更具体的问题替换',
    'page.superseded-line': '被替换为',
    'page.superseded-tail': '（同一时间）。',
    'page.missing-label': '缺少',
    'page.config-applied': '团队配置所做的更改',
    'page.config-suppressed': '已被配置禁用：{{rule}}，范围 {{scope}}',
    'page.config-severity': '严重级别已被配置更改（{{change}}）：{{rule}}，范围 {{scope}}',
    'page.config-findings': '{{count}} 个问题；条目 {{entry}}',
    'page.config-file': '配置文件 {{file}}（sha256 {{hash}}）',
    'inventory.label.input': '输入',
    'inventory.label.format': '归档格式',
    'inventory.label.layout': '结构',
    'inventory.label.top-folder': '顶层目录',
    'inventory.label.members': '归档成员数',
    'inventory.label.bytes-read': '已读取字节',
    'inventory.label.sos-version': 'sos 版本',
    'inventory.label.collector-version': '采集脚本版本',
    'inventory.bytes': '{{size}}（{{bytes}} 字节）',
    'inventory.col-kind': '类型',
    'inventory.col-member': '归档成员',
    'inventory.col-message': '消息',
    'inventory.problems-omitted': '另有 {{count}} 个读取问题未列出。',
    'inventory.artifacts': '采集项',
    'inventory.col-size': '大小',
    'facts.daemon-json-error': 'daemon.json 无法解析：',
    'facts.no-daemon-json': '采集包中没有 /etc/docker/daemon.json。',
    'facts.col-key': '参数',
    'facts.col-effective': '生效值',
    'facts.col-source': '来源',
    'facts.col-where': '位置',
    'facts.col-overridden': '被覆盖的值',
    'facts.no-config': '未找到守护进程配置值（使用默认值）。',
    'facts.conflicts': '冲突的配置（dockerd 将拒绝启动）',
    'facts.versus': ' 与 ',
    'facts.unknown-keys': 'daemon.json 中的未知参数',
    'facts.wrong-types': 'daemon.json 中类型错误的值',
    'facts.environment': '守护进程环境变量',
    'facts.col-variable': '变量',
    'facts.col-value': '值',
    'facts.driver-status': 'docker info：存储驱动状态',
    'facts.thin-pools': 'thinpool',
    'facts.objects': '对象',
    'facts.no-semaphores': '采集包中没有信号量列表或 kernel.sem 限制。',
    'facts.mounts-under': '挂载点位于',
    'facts.col-mount-point': '挂载点',
    'facts.col-type': '类型',
    'facts.col-options': '挂载选项',
    'facts.mounts-omitted': '另有 {{count}} 个挂载点未列出。',
    'facts.no-mounts': '未找到（或采集包中没有挂载表）。',
    'facts.col-package': '软件包',
    'facts.col-version': '版本',
    'facts.col-arch': '架构',
    'facts.col-manager': '包管理器',
    'facts.packages-omitted': '另有 {{count}} 个软件包未列出。',
    'facts.no-packages': '采集包中没有软件包列表（或没有相关软件包）。',
    'facts.col-index': '序号',
    'facts.col-boot-id': '启动 ID',
    'facts.col-first-entry': '第一条记录',
    'facts.col-last-entry': '最后一条记录',
    'facts.col-shutdown': '关机',
    'facts.col-why': '原因',
    'facts.label.storage-driver': '存储驱动',
    'facts.label.data-root': '数据根目录（data-root）',
    'facts.label.exec-root': '运行时目录（exec-root）',
    'facts.label.data-root-fs': 'data-root 所在文件系统',
    'facts.label.containers': '容器（docker ps -a）',
    'facts.label.container-folders': 'data-root 中的容器目录',
    'facts.label.orphans': '在 data-root 中但不在 docker ps 中的容器',
    'facts.label.networks': '网络',
    'facts.label.volumes': '卷',
    'facts.label.interfaces': '网卡',
    'facts.sem.in-use': '已使用 {{arrays}} 个信号量数组，上限 SEMMNI 为 {{limit}}',
    'facts.sem.unknown-count': '未知数量的',
    'facts.sem.at-least': '至少 {{count}}',
    'facts.sem.at-limit': '，已达上限',
    'facts.sem.cookies': '其中 {{count}} 个是 device-mapper 的 udev cookie（键 0x0D4D…）',
    'facts.sem.rows-not-read': '（列表中有 {{count}} 行未读取）',

    'verdict.status.problems-found': '发现问题',
    'verdict.status.no-problem-found': '未发现问题',
    'verdict.status.inconclusive': '无法得出结论',
    'verdict.headline.problems-found': '{{count, plural, other{发现 # 个问题}}}；最严重的是：{{title}}（{{severity}}）',
    'verdict.headline.inconclusive': '无法得出结论：缺少{{missing}}（{{count, plural, other{# 项}}}），因此没有发现问题并不能说明没有问题',
    'verdict.headline.no-problem-found': '在可检查的范围内未发现问题：{{checked}}',
    'verdict.checked.logs': '{{from}} 至 {{to}} 的日志',
    'verdict.checked.logs-truncated': '{{from}} 至 {{to}} 的日志（已截断）',
    'verdict.checked.daemon-state': '运行中的守护进程（docker info / docker ps）',
    'verdict.checked.process-list': '进程列表',
    'verdict.missing.logs': '日志（journal 或 syslog）',
    'verdict.missing.daemon-state': 'dockerd 的状态',
    'verdict.fact.empty-journal': '已采集 journal，但其中没有记录（易失性日志已清空或被压缩清理）',
    'verdict.fact.no-logs': '未采集 journal 或 syslog',
    'verdict.fact.daemon-state-missing': '既未采集 dockerd 自身的状态（docker info、docker ps），也未采集进程列表',
    'verdict.fact.dockerd-not-running': '采集时 dockerd 未运行',
    'verdict.fact.dockerd-not-running-probably': 'docker info / docker ps 执行失败：采集时 dockerd 可能未运行',
    'verdict.fact.unclean-shutdown': '第 {{boot}} 次启动异常结束',
    'verdict.fact.unclean-shutdown-at': '第 {{boot}} 次启动于 {{time}} 异常结束',
    'verdict.rules': '已检查 {{evaluated}} 项，未检查 {{notEvaluated}} 项，证据不足 {{insufficient}} 项',
    'list.and': '和',
    'list.separator': '；',

    'severity.critical': '严重',
    'severity.error': '错误',
    'severity.warning': '警告',
    'severity.info': '提示',
    'confidence.high': '高',
    'confidence.medium': '中',
    'confidence.low': '低',
    'category.storage': '存储',
    'category.network': '网络',
    'category.daemon': '守护进程',
    'category.systemd': 'systemd',
    'category.ipc': 'IPC',
    'category.security': '安全',
    'category.packaging': '软件包',
    'category.logging': '日志',
    'category.performance': '性能',

    'coverage.status.evaluated': '已检查',
    'coverage.status.not-evaluated': '未检查',
    'coverage.status.insufficient-evidence': '证据不足',
    'coverage.check.logs': '日志检查（journal、syslog、守护进程日志）',
    'coverage.check.state': '快照检查（从主机采集的状态）',
    'coverage.reason.needs': '需要 {{artifacts}}',
    'coverage.reason.findings': '{{count, plural, other{# 个问题}}}',
    'coverage.reason.nothing-found': '已检查，未发现问题',
    'coverage.reason.superseded': '已由 {{finding}} 取代：{{rule}} 覆盖同一时间段',
    'artifact.state.present': '已采集',
    'artifact.state.missing': '缺失',
    'artifact.state.failed': '采集失败',
    'artifact.state.timed-out': '超时',
    'artifact.state.truncated': '已截断',
    'artifact.state.skipped': '已跳过',
    'artifact.state.empty': '为空',
    'artifact.with-state': '{{artifact}}（{{state}}）',

    'source.guide': 'openEuler 指南：{{section}}',

    'event.lifecycle.start': '启动',
    'event.lifecycle.ready': '就绪',
    'event.lifecycle.stop': '停止',
    'event.lifecycle.crash': '崩溃',
    'event.lifecycle.killed': '被强制退出',
    'event.lifecycle.start-failed': '启动失败',
    'event.lifecycle.start-limit': '达到启动次数限制',
    'event.lifecycle.timeout': '启动超时',
    'event.lifecycle.restart': '重启',
    'event.lifecycle.boot': '系统启动',
    'event.boot.start': '系统启动开始',
    'event.boot.end': '系统启动结束',
    'event.audit.burst': 'docker 目录上的 audit 事件',
    'timeline.undated': '{{count, plural, other{# 个事件没有时间}}}',

    'batch.title': '批量分诊',
    'batch.bundles': '采集包',
    'batch.summary': '共 {{total}} 个采集包：已分析 {{analyzed}} 个，部分读取 {{partial}} 个，无法读取 {{failed}} 个',
    'batch.column.bundle': '采集包',
    'batch.column.host': '主机',
    'batch.column.verdict': '结论',
    'batch.column.findings': '问题',
    'batch.column.worst': '最高严重级别',
    'batch.column.collected': '采集时间',
    'batch.column.report': '报告',
    'batch.unreadable': '无法读取或仅部分读取的采集包',
    'batch.shared-root-causes': '共同的根本原因',
    'batch.matrix': '采集包 × 规则',
    'batch.none-at-warning': '没有采集包存在警告及以上级别的问题。',
    'batch.status.analyzed': '已分析',
    'batch.status.partial': '部分读取',
    'batch.status.failed': '无法读取',
    // --- s4-rem ---
    'remediation.check': '检查',
    'remediation.fix': '修复',
    'remediation.restart': '需要重启',
    'remediation.no-restart': '无需重启',
    'remediation.data-loss': '可能丢失数据',
    'remediation.no-data-loss': '不丢失数据',
    'remediation.reversible': '可撤销',
    'remediation.irreversible': '不可撤销',
    'remediation.openeuler-only': '仅适用于 openEuler docker-engine（本主机的 Docker 类型未知）',
    'remediation.more-commands': '{{count, plural, other{…另有 # 条命令}}}',
    // --- s4-timeline ---
    'page.tl-controls': '筛选时间线',
    'page.tl-focus': '时间范围',
    'page.tl-focus-minutes': '±{{count}} 分钟',
    'page.tl-focus-all': '全部事件',
    'page.tl-focus-root': '以根本原因为中心（{{time}}）',
    'page.tl-focus-finding': '以最严重的问题为中心（{{time}}）',
    'page.tl-lanes': '通道',
    'page.tl-kinds': '事件类型',
    'page.tl-count': '显示 {{shown}} / {{total}} 个事件。',
    'page.tl-fold-count': '{{count}} ×',
    'page.tl-fold-members': '每次出现',
    'page.tl-col-kind': '类型',
    'page.tl-col-where': '文件与行号',
    'page.tl-csv': '下载 CSV',
    'page.tl-print-note': '打印内容：时间范围和筛选条件选中的事件，不含摘录；完整表格见 HTML 报告。',
    'page.copied': '已复制',
    // --- s4-ticket ---
    'collect.none': '阻碍检查的内容都无法再次收集。',
    'collect.sos': '使用未运行的插件再次运行 sos',
    'collect.collector': '运行我们的收集器',
    'collect.sos-never': 'sos 从不收集的内容，请另外运行我们的收集器',
    'collect.window': '「{{finding}}」前后各一小时：{{span}}',
    'collect.still-needed': '仍需要：{{artifacts}}',
    'collect.unblocks': '{{count, plural, other{可使 # 项检查完整运行}}}',
    'collect.layout.docker-postmortem': '我们的收集包',
    'collect.layout.sosreport': 'sosreport',
    'collect.layout.folder': '普通文件夹',
    'collect.layout.pasted-log': '粘贴的日志',
    'ticket.verdict': '结论',
    'ticket.root-cause': '根本原因',
    'ticket.most-severe': '最严重的问题',
    'ticket.leads-to': '导致',
    'ticket.none': '无',
    'ticket.findings': '问题',
    'ticket.facts': '事实',
    'ticket.fix': '修复',
    'ticket.commands': '命令',
    'ticket.still-needed': '仍需要',
    'ticket.nothing-needed': '没有阻碍检查的内容',
    'ticket.collect-next': '下一步收集',
    'ticket.nothing-to-collect': '无需收集',
    'ticket.window': '时间范围',
    'ticket.whole-journal': '没有可参照的时间：整个日志',
    'ticket.also': '另外',
    'ticket.bundle': '收集包',
    'ticket.collected': '收集于 {{time}}',
    'ticket.unknown-time': '收集时间未知',
    'ticket.analyzed-with': '分析工具',
    'page.copy-ticket': '复制工单文本',
    'page.copy-ticket-done': '已复制',
    'page.copy-ticket-select': '复制被拒绝：文本已在下方选中，请按 Ctrl+C',
    'page.collect-title': '下一步收集',
    // --- s4-batchix ---
    'batch.page-title': 'docker-postmortem 批量分诊：{{count, plural, other{# 个采集包}}}',
    'batch.totals': '已分析 {{analyzed}} 个 · 部分读取 {{partial}} 个 · 无法读取 {{failed}} 个 · 无问题 {{healthy}} 个',
    'batch.tool': '{{name}} {{version}} · 规则 {{rules}}',
    'batch.severity-none': '无',
    'batch.column.root-cause': '根本原因',
    'batch.column.count': '数量',
    'batch.column.case': '工单',
    'batch.column.coverage': '检查覆盖',
    'batch.column.docker': 'Docker',
    'batch.column.kernel': '内核',
    'batch.column.os': '操作系统',
    'batch.column.rules': '规则',
    'batch.column.rule': '规则',
    'batch.column.status': '状态',
    'batch.column.reason': '原因',
    'batch.column.entry': '条目',
    'batch.coverage-rules': '已检查 {{evaluated}}/{{total}} 条规则',
    'batch.open-report': '报告',
    'batch.filter.min-severity': '最高严重级别至少为',
    'batch.filter.any': '任意',
    'batch.filter.text': '筛选',
    'batch.filter.placeholder': '文件、主机、工单或规则',
    'batch.shown': '显示 {{shown}}/{{total}}',
    'batch.no-findings': '没有问题。',
    'batch.rule-totals': '按规则统计',
    'batch.none': '无。',
    'batch.skipped': '已跳过的条目',
    'batch.skipped.not-a-bundle': '已跳过：不是采集包',
    'batch.skipped.hidden': '已跳过：隐藏条目',
    'report.case-id': '工单',
    'report.case-label': '标签',
  },
  sections: {
    'Installation and Deployment': '安装配置',
    'Precautions': '注意事项',
    'Precautions (versions)': '注意事项（版本）',
    'known-defect data': '已知缺陷数据',
    'Daemon Parameter Configuration': '配置daemon参数',
    'Daemon Running Directory Configuration': 'daemon运行目录配置',
    'Daemon Network Configuration': 'daemon自带网络配置',
    'Daemon umask Configuration': 'daemon umask配置',
    'Daemon Start Time': 'daemon启动时间',
    'Journald Component': '关联组件journald',
    'Firewalld Component': '关联组件firewalld',
    'Iptables Component': '关联组件iptables',
    'Audit Component': '关联组件audit',
    'Security Configuration': '安全配置',
    'seccomp': 'seccomp',
    'Security Configuration (seccomp)': '安全配置seccomp',
    'Do Not Modify Private Directory of Docker Daemon': '禁止修改docker daemon的私有目录',
    'Precautions for Common Users': '普通用户大量部署容器场景下的配置注意事项',
    'overlay2 Storage Driver Configuration': '配置overlay2存储驱动',
    'overlay2 Storage Driver Configuration (Abnormal Scenario)': '配置overlay2存储驱动（异常场景-挂载点被覆盖）',
    'devicemapper Storage Driver Configuration': '配置devicemapper存储驱动',
    'Semaphores May Be Residual': '信号量残留',
    'NICs May Be Residual': '网卡残留',
    'Failed to Restart a Container': '重启容器失败',
    'Failed to Restart the Docker Service': '服务无法正常重启',
    'Impact of System Power-off': '系统掉电影响',
  },
  sources: {
    'general practice': '通用做法',
    'general practice (the guide gives no remedy)': '通用做法（指南未给出处理方法）',
    'general practice (the guide gives none)': '通用做法（指南未给出）',
    'general practice (Docker documentation: userland-proxy)': '通用做法（Docker 文档：userland-proxy）',
    'systemd hint': 'systemd 提示',
    'openEuler patch 0021': 'openEuler 补丁 0021',
    // --- s4-rem ---
    'moby/moby#36145': 'moby/moby#36145',
    'moby/moby#29519': 'moby/moby#29519',
    'moby/moby#43072': 'moby/moby#43072',
    'moby/libnetwork#1850': 'moby/libnetwork#1850',
    'systemd-journald.service(8)': 'systemd-journald.service(8) 手册页',
    'systemd.exec(5), systemd.resource-control(5)': 'systemd.exec(5)、systemd.resource-control(5) 手册页',
  },
  events: {
    'unit.starting': '单元正在启动',
    'unit.started': '单元已启动',
    'unit.stopping': '单元正在停止',
    'unit.stopped': '单元已停止',
    'unit.reloaded': '单元已重新加载',
    'unit.failed-to-start': '单元启动失败',
    'unit.main-exited': '主进程退出',
    'unit.failed-result': '单元失败',
    'unit.failed-state': '单元进入失败状态',
    'unit.start-limit': '拒绝启动：达到启动次数限制',
    'unit.start-timeout': '启动超时',
    'unit.scheduled-restart': 'systemd 已安排重启',
    'unit.holdoff': 'systemd 已安排重启',
    'logrotate.file-error': 'logrotate 处理文件失败',
    'unit.mount-deactivated': 'docker 挂载点已释放',
    'system.shutdown': '系统正常关机',
    'journald.started': 'journald 已启动',
    'journald.stopped': 'journald 已停止',
    'journald.corrupt': '日志文件损坏，已移到一旁',
    'dockerd.starting': 'dockerd 正在启动',
    'dockerd.api-listen': 'dockerd 开始提供 API',
    'dockerd.init-done': 'dockerd 初始化完成',
    'dockerd.signal': 'dockerd 收到停止请求',
    'dockerd.shutdown-complete': 'dockerd 已正常停止',
    'dockerd.start-error': 'dockerd 启动失败',
    'dockerd.config-error': 'dockerd 拒绝其配置文件',
    'dockerd.log-level-error': 'dockerd 拒绝其日志级别',
    'dockerd.fatal': 'dockerd 致命错误',
    'dockerd.api-error': 'dockerd API 请求失败',
    'dockerd.loading-containers': 'dockerd 正在加载容器',
    'dockerd.log-line': 'dockerd 写入一行日志',
    'go.panic': 'Go panic',
    'go.fatal-error': 'Go 运行时致命错误',
    'go.os-thread-failed': 'Go 运行时无法创建线程',
    'dockerd.graph-flag-deprecated': '--graph 参数已废弃',
    'dockerd.graph-option-deprecated': 'graph 配置项已废弃',
    'dockerd.graph-option-fatal': 'graph 配置项被拒绝',
    'dockerd.umask-unsupported': 'native.umask 的值被拒绝',
    'containerd.booted': 'containerd 就绪',
    'containerd.started-by-dockerd': 'dockerd 启动了自己的 containerd',
    'containerd.restarted-by-dockerd': 'dockerd 强制退出并重新拉起 containerd',
    'containerd.exit-failed': '托管的 containerd 异常退出',
    'containerd.connection-lost': 'dockerd 与 containerd 的连接断开',
    'runtime.id-exists': '运行时：容器 id 已存在',
    'containerd.task-exists': 'containerd：task 已存在',
    'dockerd.container-not-cleaned': '上次运行遗留在 containerd 中的容器',
    'dockerd.cleanup-db': 'dockerd 删除了数据库文件',
    'dockerd.dblock-missing': '系统启动后 dockerd 首次启动（dblock 不存在）',
    'container.load-failed': 'dockerd 无法加载容器',
    'container.remove-invalid': 'dockerd 删除了损坏的容器',
    'bolt.corruption': 'bolt 数据库损坏',
    'bolt.panic': 'bolt 数据库 panic（页面损坏）',
    'container.network-not-found': '容器丢失了其网络',
    'dockerd.volume-store-timeout': '卷存储被另一个 dockerd 锁定',
    'devmapper.cookie-failed': 'devicemapper 无法获取 udev cookie',
    'devmapper.semaphore-limit': '达到信号量上限',
    'devmapper.udev-wait-failed': '等待 udev cookie 失败',
    'devmapper.uuid-verify-failed': 'devicemapper 基础设备校验失败',
    'devmapper.thinpool-low-free': 'thinpool 即将用满',
    'overlay2.not-supported': '底层文件系统不支持 overlay2',
    'overlay2.needs-kernel': 'overlay2 需要更新的内核',
    'overlay2.no-dtype': '底层文件系统不支持 d_type',
    'overlay2.remove-failed': '无法删除容器的 rootfs',
    'fs.cross-device-link': '跨设备 rename 被拒绝',
    'fs.exdev': 'rename 返回 EXDEV',
    'fs.no-space': '设备上没有剩余空间',
    'proc.fork-eagain': '创建进程被拒绝（EAGAIN）',
    'dockerd.bridge-mismatch': 'docker0 地址与指定的 --bip 不一致（dockerd 启动失败）',
    'dockerd.default-bridge': '选定默认网桥地址',
    'dockerd.network-ambiguous': '网络名称不唯一',
    'dockerd.port-programming-failed': '端口映射失败：缺少 docker 链',
    'dockerd.chain-program-failed': 'docker 无法配置 iptables 链',
    'dockerd.setup-iptables': 'docker 已设置其 iptables 规则',
    'firewalld.command-failed': 'firewalld 命令失败',
    'kernel.bridge-port-state': '网桥端口状态变化',
    'kernel.fs-recovery': '文件系统日志恢复',
    'kernel.panic-or-oom': '内核 panic、OOM 或卡死',
  },
  rules: {
    'audit-dataroot-watch': {
      title: '对 Docker 数据根目录的 audit 监视使 audit.log 泛滥',
      explanation: '类似 `-w /var/lib/docker/ -p rwxa -k docker` 的监视规则会让内核在数据根目录下的每次读、写和属性变化时写入 audit 记录（SYSCALL、CWD、PATH、PROCTITLE）：拉取镜像、启动容器、容器访问文件都会产生记录。audit.log 几分钟内就会写满并轮转，auditd 和磁盘负载很高，真正重要的记录被轮转掉。监视配置文件和二进制（/etc/docker、docker.service、docker-runc）的开销很小。',
      messages: {
        auditFlood: 'audit.log 中在 {{span}} 的日志内有 {{count}} 条键为 {{keys}} 的事件：每分钟 {{rate}} 条（占全部 audit 事件的 {{share}}%）',
        dataRootWatched: '{{count}} 条 audit 规则以 -p {{perms}} 监视 Docker 数据根目录或运行时目录：{{paths}}',
        configWatched: '{{count}} 条 audit 规则监视 Docker 配置文件或二进制：{{paths}}',
        // --- s4-mining ---
        auditFloodForwarded: '{{source}} 中在 {{span}} 的日志内有 {{count}} 条转发的键为 {{keys}} 的 audit 事件：每分钟 {{rate}} 条（占全部转发 audit 事件的 {{share}}%）',
      },
      remediation: [
        '列出已加载的规则，找出对 Docker 目录的监视。',
        '生产环境中请谨慎对 Docker 目录配置 audit 监视：它会加重 auditd 和磁盘的负载。',
        '删除对数据根目录的监视（或仅监视必须跟踪的文件的写入和属性变化），然后重新加载规则。',
      ],
    },
    'bip-persisted': {
      title: 'docker0 的地址与配置的 --bip 不一致（或旧的 --bip 仍然生效）',
      explanation: 'dockerd 根据 --bip（daemon.json 中的 "bip"，或 /etc/sysconfig/docker-network 中的 DOCKER_NETWORK_OPTIONS）设置 docker0 的地址。不指定 --bip 时，它沿用 docker0 已有的地址：去掉 --bip 之后，docker0 网桥会沿用上一次的配置（即使手工删除了地址而网桥仍在），容器继续从旧网段获取地址。配置的 bip 与 docker0 的地址不同，说明运行中的网桥与配置不符。',
      messages: {
        bridgeRefused: 'dockerd 拒绝启动 {{count}} 次：docker0 仍使用 {{address}}，与指定的 bip {{requested}} 不一致',
        bipMismatch: 'bip 配置为 {{bip}}（{{source}}），但 docker0 的地址是 {{address}}',
        bipDropped: '在 {{earlierStart}} 的 dockerd 启动之后去掉了 --bip，但 docker0 仍保留 {{address}}（日志中为 {{logged}}），而不是 Docker 默认的 {{defaultNet}}',
        oldAddressKept: '未配置 --bip，但 docker0 的地址是 {{address}}，而不是 Docker 默认的 {{defaultNet}}：可能是已删除的 --bip 仍然生效',
      },
      remediation: [
        '要去掉旧的 bip：停止 Docker，删除 docker0 网桥（而不仅是其地址），再启动 Docker，让它重新创建 docker0。',
        '或者用 --bip（daemon.json 的 "bip" 或 DOCKER_NETWORK_OPTIONS）明确指定所需地址，然后重启 Docker。',
      ],
    },
    'container-id-exists-race': {
      title: 'containerd 在容器启动期间被强制退出后出现 “container with id exists”',
      explanation: '容器启动正处于 `runc create` 阶段（例如 prestart hook 耗时较长）时 containerd 被强制退出，旧的 `runc create` 可能仍在执行。containerd 被重新拉起后，`docker start` 会失败，因为 runc（或 containerd 1.6）仍占用该 id，直到第一次 create 结束；hook 的执行时间不受 docker 控制。同样的 runc 报错也会出现在留下陈旧 runc 状态的异常重启之后：这种情况没有正在进行的 create，并以系统启动为界。',
      messages: {
        raceAfterContainerdKill: '容器 {{container}} 启动失败（“{{error}}”），发生在 containerd 被强制退出或重启后 {{minutes}} 分钟',
        idExistsNoKillSeen: '容器 {{container}} 启动失败（“{{error}}”）；此前未发现 containerd 被强制退出或重启',
        idExistsAfterReboot: '容器 {{container}} 启动失败（“{{error}}”），发生在第 {{boot}} 次启动开始后 {{minutes}} 分钟；上一次启动的结束方式为 {{verdict}}：这是陈旧的运行时状态，而不是 containerd 被强制退出',
      },
      remediation: [
        '等第一次 `runc create`（及其 hook）结束后，再次启动该容器。',
        '一般应创建新的容器，不复用已经失败的容器。',
        '使用 containerd 1.6 时，错误会一直存在，直到陈旧的 shim 结束：找到并停止它。',
      ],
    },
    'daemon-config-invalid': {
      title: 'dockerd 拒绝的 daemon.json',
      explanation: 'dockerd 启动时读取 /etc/docker/daemon.json；如果该文件不是合法的 JSON、包含未知配置项、值的类型错误，或某个配置项同时以命令行参数给出（来自 /etc/sysconfig/docker*、单元的 ExecStart 或 drop-in 文件），dockerd 会立即退出，不做任何其他事情。唯一的痕迹是一行 stderr：“unable to configure the Docker daemon with file …: <原因>”；systemd 会重试，重试最终触发启动次数限制。运行中的 dockerd 不会重新读取该文件，所以损坏的文件往往要到下次重启或系统重启时才暴露。',
      messages: {
        parseError: 'daemon.json 不是合法的 JSON：{{message}}，位于第 {{line}} 行第 {{column}} 列',
        unknownKeys: 'daemon.json 中有 dockerd 不认识的配置项：{{keys}}',
        wrongTypes: 'daemon.json 中类型错误的值：{{keys}}',
        flagAndFile: '{{key}} 同时以参数（{{flagSource}}：{{flagValue}}）和在 daemon.json 中（{{fileValue}}）配置：dockerd 拒绝启动',
        badLogLevel: '日志级别 “{{level}}” 不是 dockerd 接受的级别',
        refused: 'dockerd {{count}} 次拒绝其配置：{{cause}}',
      },
      remediation: [
        '重启 Docker 之前先校验该文件；修正报告的行，或删除未知配置项。',
        '每个配置项只在一处设置：从 daemon.json 中删除，或从 /etc/sysconfig/docker* / 单元（systemctl cat docker）的参数中删除。',
        '然后清除失败状态并启动 Docker。',
      ],
    },
    'daemon-start-timeout': {
      title: 'docker.service 启动超时',
      explanation: 'systemd 给 docker.service 的就绪时间为 TimeoutStartSec（默认 90 秒；openEuler 去掉了 TimeoutStartSec=0），超时后记录启动耗时过长并将其终止。dockerd 需要加载成千上万个 created 或 exited 状态的容器、devicemapper 首次初始化存储池，或主机负载过高时，启动都会很慢；ExecStartPre 命令或过短的 TimeoutStartSec 也可能是原因。反复超时最终会触发启动次数限制。',
      messages: {
        startTimedOut: 'docker.service 启动超时 {{count}} 次；可能的原因：{{cause}}',
        resultTimeout: 'docker.service 最近一次失败的结果为 Result=timeout（未找到相应的日志行）',
      },
      remediation: [
        '容器编排层定期清理不需要的容器（尤其是 exited 和 created 的容器），使 dockerd 启动时加载的容器更少。',
        '结合主机所需的启动时间，调整编排层的清理周期和 docker 服务的启动时间。',
      ],
    },
    'data-root-collision': {
      title: '数据根目录或运行时目录与其他文件或另一个 dockerd 共用',
      explanation: '数据根目录和运行时目录（exec-root）应为 docker 专用。复用的目录中如果已有 `containers`、`hooks` 或 `tmp`，dockerd 会修改其属主和权限，而其中的其他文件会被删除、误读或阻碍清理。两个守护进程共用一个数据根目录会争抢其中的数据库：第二个 dockerd 等待卷存储的锁，并以 “error while opening volume store timeout” 失败——锁由运行中的守护进程持有，数据库并未损坏。',
      messages: {
        foreignEntries: '数据根目录 {{root}} 中有 {{count}} 个不是 docker 创建的条目：{{names}}',
        foreignExecRoot: '运行时目录 {{root}} 中有 {{count}} 个不是 docker 创建的条目：{{names}}',
        sharedDataRoot: '{{count}} 个 dockerd 进程使用同一个数据根目录 {{root}}',
        volumeStoreLocked: 'dockerd {{count}} 次无法打开卷存储：另一个 dockerd 持有其锁（并非损坏）',
      },
      remediation: [
        '为每个 dockerd 配置 docker 专用的数据根目录和运行时目录；在 Docker 停止时移走其他文件。',
        '不要修改 docker 的私有目录；如果确实需要修改，请联系容器团队。',
        '遇到卷存储超时，停止使用同一数据根目录的另一个 dockerd；不要删除 metadata.db。',
      ],
    },
    'dataroot-tampered': {
      title: 'Docker 数据根目录或运行时目录下的文件被其他进程修改',
      explanation: '数据根目录（/var/lib/docker）和运行时目录（/run/docker）是 docker 的私有目录：其结构、属主和权限正是 dockerd、containerd 和 runc 所期望的。其他程序（脚本、备份、管理员）在其中创建、删除、修改权限或建立链接的文件会破坏容器状态，之后表现为加载或启动失败。audit 记录会指出是哪个进程。',
      messages: {
        logrotate: '主机上的 logrotate 任务处理了 {{roots}} 下的 {{count}} 个文件（Docker 私有文件），例如 {{path}}',
        tampered: '{{roots}} 下有 {{count}} 处修改来自 docker 以外的进程：{{processes}}',
      },
      remediation: [
        '不要修改 Docker 数据根目录或运行时目录下的文件；如果确实需要修改，请联系容器团队。',
        '找出是谁做的修改并制止。',
      ],
    },
    'devicemapper-loop-lvm': {
      title: 'devicemapper 处于 loop-lvm 模式（未配置 dm.thinpooldev）',
      explanation: '没有 `--storage-opt dm.thinpooldev=…` 时，devicemapper 存储驱动会在 <data-root>/devicemapper/devicemapper 下的两个稀疏 loop 文件上建立 thinpool（loop-lvm）。这种方式很慢，文件会一直增长直到底层文件系统写满，掉电还会损坏存储池。指南要求使用 direct-lvm：在真实块设备上建立 thinpool，并通过 dm.thinpooldev 指定。',
      messages: {
        loopDevice: 'devicemapper 运行在 loop-lvm 模式：其数据文件是 loop 设备 {{device}}',
        loopLvm: 'devicemapper 运行在 loop-lvm 模式：其数据位于 loop 文件 {{file}}',
        noThinpoolDev: 'devicemapper 未配置 dm.thinpooldev，因此 dockerd 使用 loop-lvm',
      },
      remediation: [
        '使用 direct-lvm：用 LVM 在专用块设备上创建 thinpool，并将其传给 dockerd。',
      ],
    },
    'devicemapper-options': {
      title: 'devicemapper 未启用延迟删除，或文件系统不是 ext4',
      explanation: '使用 devicemapper 时，仍被占用的 thin 设备（挂载点泄漏到其他 namespace）无法立即删除。延迟删除（deferred removal 和 deferred deletion）让内核稍后完成删除；没有它们，删除容器会失败（“device or resource busy”），设备不断堆积。指南还建议 thin 设备的文件系统使用 ext4（dm.fs=ext4）；驱动默认使用 xfs。',
      messages: {
        deferredOff: 'devicemapper 运行时未启用 {{missing}}',
        notExt4: 'devicemapper 的 thin 设备使用 {{fs}}，而不是 ext4',
      },
      remediation: [
        '启用延迟删除（deferred deletion 和 deferred removal）。',
        'thin 设备使用 ext4（对新建的基础设备生效）。',
      ],
    },
    'devicemapper-thinpool': {
      title: 'devicemapper 的 thinpool 即将用满',
      explanation: 'devicemapper 存储驱动的所有镜像和容器都位于同一个 thinpool 中。数据或元数据空间耗尽时，容器内的写操作会失败或挂起（queue_if_no_space），dockerd 拒绝创建容器（“Thin Pool has N free data blocks which is less than minimum required”），元数据溢出的存储池可能损坏且无法修复。如果 LVM 配置文件中 thin_pool_autoextend_threshold 和 thin_pool_autoextend_percent 都为 100，则自动扩容被关闭。',
      messages: {
        infoSpaceLow: 'docker info 显示精简池 {{pool}} 的数据可用空间为 {{available}}（最小可用空间 {{minimum}}）；数据已用 {{dataPercent}}%，元数据已用 {{metadataPercent}}%',
        poolFull: 'thinpool {{pool}} 的数据已用 {{dataPercent}}%，元数据已用 {{metadataPercent}}%',
        lowFreeBlocks: 'dockerd {{count}} 次拒绝创建设备：thinpool 中空闲的 {{kind}} 块太少',
        autoextendOff: 'thinpool 的 LVM 配置文件关闭了自动扩容（threshold {{threshold}}，percent {{percent}}）',
      },
      remediation: [
        '检查存储池的使用率并扩容 thinpool（或删除不用的镜像和容器）。',
        '仅在系统空间不足时才禁止自动扩容；否则在 docker-thinpool.profile 中设置低于 100 的阈值，并监控存储池。',
        '因空间耗尽或掉电而损坏的 thinpool 无法修复，需重建 thinpool。禁止直接操作或篡改 devicemapper 的元数据。',
      ],
    },
    'devicemapper-uuid-mismatch': {
      title: 'devicemapper 基础设备 UUID 校验失败',
      explanation: '启动时 devicemapper 存储驱动会检查基础 thin 设备的 UUID 和文件系统是否与 devicemapper/metadata/deviceset-metadata 中记录的一致。在 user namespace 场景和普通场景之间切换后（每个重映射的根目录 <uid>.<gid> 都有自己的元数据），或 thinpool 扩容、重建之后，记录的 UUID 不再匹配，dockerd 拒绝启动。',
      messages: {
        uuidMismatch: 'dockerd 无法启动：devicemapper 基础设备 UUID 校验失败 {{count}} 次{{context}}',
      },
      remediation: [
        '清空所用数据根目录中 deviceset-metadata 的 BaseDeviceUUID 内容（先保留副本），然后启动 Docker。',
        '使用 userns-remap 时，该文件为 /var/lib/docker/<uid>.<gid>/devicemapper/metadata/deviceset-metadata。',
      ],
    },
    'docker-restart-storm': {
      title: 'dockerd 反复崩溃或启动失败',
      explanation: '一小时内多次退出、被强制退出或启动失败的 dockerd 处于崩溃循环中，即使 systemd 的启动次数限制从未触发（该限制在 openEuler 上只统计 10 秒内、在上游只统计 60 秒内的启动次数）。每次重启都会停止或重新接管容器、重新加载网络并重做清理；第一次退出通常带有真正的原因。',
      messages: {
        storm: '{{daemon}} 在 {{minutes}} 分钟内连续 {{count}} 次非计划停止（{{first}} … {{last}}）；原因：{{causes}}',
        restartCounter: 'systemd 在当前运行周期内重启 docker.service {{restarts}} 次（NRestarts）',
      },
      remediation: [
        '先解决列出的第一个原因（见关联的问题）：反复重启无法消除它。',
        '阅读第一次失败前后的完整日志。',
      ],
    },
    'duplicate-network-names': {
      title: '多个 docker 网络使用同一个名称',
      explanation: 'docker network create 先检查名称再写入网络；并发创建同名网络时可能都通过检查，从而产生多个同名网络。docker network 是通过 id 来区分的，所以这些重复的网络可以工作，但凡是按名称指定网络的命令（inspect、rm、connect、run --network）都会失败，报 “network <name> is ambiguous”。',
      messages: {
        duplicates: '{{count}} 个网络名称被多个网络使用：{{names}}',
        ambiguous: 'dockerd 拒绝了 {{count}} 个请求，因为网络名称 {{name}} 不唯一（匹配 {{matches}} 个）',
      },
      remediation: [
        '按 id 而不是名称指定网络：列出 id，保留正在使用的网络，按 id 删除其余重复网络。',
        '在脚本和编排中串行创建网络（只创建一次，之后按 id 查找网络）。',
      ],
    },
    'firewalld-restart': {
      title: 'firewalld 在 dockerd 之后（重新）启动并清除了其 iptables 链',
      explanation: 'firewalld 启动或重新加载时会清空 iptables 规则并删除不由它管理的链，包括 docker 的 DOCKER、DOCKER-ISOLATION 链和已映射端口的 DNAT 规则。dockerd 只在自身启动时创建这些规则，所以 firewalld（重新）启动后，已映射的端口不再响应，新建带 -p 的容器失败，报 “iptables: No chain/target/match by that name.”；在 dockerd 启动过程中重启 firewalld 会导致 docker 服务启动失败。',
      messages: {
        appendsFailed: 'firewalld 无法向 Docker 的 {{chains}} 链添加 {{count}} 条规则（“No chain/target/match by that name”）：这些链已被清除，最近一次在 {{time}}',
        chainsMissing: 'dockerd 启用了 iptables，但缺少 {{missing}}：端口映射和隔离规则已不存在{{fwNote}}',
        programmingFailed: '{{count}} 次容器启动失败：“driver failed programming external connectivity (iptables: No chain/target/match by that name)”，最后一次在 endpoint {{endpoint}}',
        firewalldAfterDockerd: 'firewalld 于 {{time}} {{what}}，晚于 dockerd 设置其 iptables 规则，此后 dockerd 未重启',
      },
      remediation: [
        '在 firewalld 启动或重启之后重启 docker 服务，使 dockerd 重新创建其链和端口映射。',
        '调整单元顺序，使 docker 在 firewalld 之后启动（上游 docker.service 带有 After=firewalld.service）。',
      ],
    },
    'graph-deprecated': {
      title: '使用已废弃的 --graph / -g / "graph" 配置数据根目录',
      explanation: '从 docker-17.05 开始，`--graph` / `-g`（以及 daemon.json 中的 `graph` 配置项）被标记为 “Deprecated”，用新的参数 `--data-root` 替代。Docker 18.09 仍接受它们并给出警告，23.0 遇到 graph 配置项会拒绝启动，24.0 已将其删除。指南还指出数据根目录应为 docker 专用：复用的目录中如果已有 `containers`、`hooks` 或 `tmp`，其属主和权限可能被修改。',
      messages: {
        graphConfigured: '{{where}} 用已废弃的 {{option}}（{{value}}）设置数据根目录；请使用 data-root / --data-root',
        graphFatal: 'dockerd 拒绝启动：不再接受 "graph" 配置项（Docker 23.0+）；请使用 "data-root"',
        graphWarned: 'dockerd {{count}} 次警告正在使用已废弃的 graph 配置项',
      },
      remediation: [
        '将该配置改为 data-root（daemon.json 中的 "data-root" 或 --data-root），指向 docker 专用的目录。',
      ],
    },
    'icc-icmp-exception': {
      title: 'Docker 的 DROP 之前有 ICMP ACCEPT 规则，使 icc=false 失效',
      explanation: '使用 --icc=false（或 `"icc": false`）时，docker 通过追加 “-A FORWARD -i docker0 -o docker0 -j DROP” 限制同一网桥上容器之间互通。iptables 在第一条匹配的规则处停止，所以在 FORWARD 中更靠前（或在 FORWARD 首先跳转的 DOCKER-USER 中）接受 ICMP 的主机规则会放行容器之间的 ping，而 TCP 和 UDP 仍被丢弃：能 ping 通，但连接超时。',
      messages: {
        icmpBeforeDrop: 'icc=false，但 FORWARD 在 docker 对 {{bridge}} 的 DROP 之前接受 ICMP（{{icmpRule}}）：容器之间能 ping 通，TCP/UDP 不通',
      },
      remediation: [
        '使用 --icc=false 之前，先在主机上清理 docker 规则之前的 iptables 规则（或删除接受 ICMP 的规则），然后重启 docker，使其按顺序重新创建规则。',
        '如果容器之间需要通信，请使用自定义网络或 --link，而不要依赖 ICMP。',
      ],
    },
    'journald-restart': {
      title: 'dockerd 运行期间 journald 重启：日志丢失或 SIGPIPE 崩溃',
      explanation: 'dockerd 将日志写到 stdout/stderr，systemd 通过流式套接字把它们接到 journald。普通重启或强制退出时 journald 会保留这些流（fd store），但在 “systemctl stop systemd-journald” 之后再启动，流就断了：dockerd 继续运行并服务容器，但它记录的任何内容都进不了 journal，直到重启 docker。没有处理 SIGPIPE 的旧版 docker 则会在断开的流上崩溃（被 SIGPIPE 终止）。',
      messages: {
        sigpipeCrash: 'systemd-journald 于 {{restartTime}} 重启后，dockerd 被 SIGPIPE 终止（{{detail}}）',
        sigpipeKilled: 'dockerd 被 SIGPIPE 终止（{{detail}}）：它到 journald 的日志流断开了，journald 重启就会这样（采集的数据中没有重启本身）',
        dockerdSilent: 'systemd-journald 于 {{restartTime}} 在 dockerd 运行期间重启；此后 dockerd 没有记录任何日志（来自其他来源的 docker 事件 {{activity}} 条），也未重启',
        dockerdQuiet: 'systemd-journald 于 {{restartTime}} 在 dockerd 运行期间重启；此后 dockerd 没有记录任何日志，也未重启（空闲，或其日志流已丢失）',
        logsLost: 'systemd-journald 于 {{restartTime}} 在 dockerd 运行期间重启；直到 {{dockerRestart}} 重启之前，dockerd 没有记录任何日志，尽管 docker 处于活动状态（{{activity}} 个事件）：这些日志已丢失',
      },
      remediation: [
        '查看 journald 重启之后 dockerd 记录的日志（时间为 UTC）。',
        '在重启 journald 服务或者 journald 异常后主动重启 docker daemon，使 dockerd 获得新的日志流。',
        '用 “systemctl restart systemd-journald” 重启 journald，而不是先停止再启动：restart 会保留服务的日志流。',
      ],
    },
    'known-defect': {
      title: '已安装版本存在已知缺陷或安全公告',
      explanation: '已安装的引擎、containerd 或 runc 版本位于某个已知缺陷或安全公告的受影响范围内（docs/known-defects.md）。版本范围按各软件包系统自己的规则比较：rpm 的 epoch:version-release（含 openEuler 发行版标签）、dpkg，以及 `docker version` 输出版本所用的 Go/semver。发行版软件包自己的范围优先于其报告的上游版本，因为发行版会回合修复而不改变该版本。',
      messages: {
        affected: '{{title}}（{{entry}}）：已安装 {{package}} {{installed}}，已在 {{fixed}} 修复',
        affectedNoFix: '{{title}}（{{entry}}）：已安装 {{package}} {{installed}}，未列出修复版本',
      },
      remediation: [
        '将问题中指出的软件包升级到修复版本或更高版本，然后重启守护进程（如果公告说明运行中的容器仍受影响，也要重启容器）。',
      ],
    },
    'nproc-limit': {
      title: '容器的进程数限制（nproc、pid_max、TasksMax）',
      explanation: 'Linux 把每个线程都计入每用户进程数上限（RLIMIT_NPROC）和 kernel.pid_max。RHEL 系系统（包括 openEuler）自带 /etc/security/limits.d/20-nproc.conf，内容为 “* soft nproc 4096”；基于它们构建的镜像也带有该文件，所以需要用户登录的容器（su、sshd、登录 shell）同样受限。pam_limits 不作用于由 systemd 启动的 dockerd：对它及其启动的容器生效的是 docker.service 的 LimitNPROC 和 TasksMax。旧内核上 kernel.pid_max 为 32768，除非 systemd ≥ v243 将其调大。达到上限时，创建进程和线程会以 EAGAIN（“resource temporarily unavailable”）失败。',
      messages: {
        forkFailed: '{{count}} 次创建进程/线程失败，错误为 EAGAIN（“resource temporarily unavailable”）{{limitNote}}',
        nearLimit: '{{what}}：已使用 {{used}} / {{limit}}（{{percent}}%）',
        nprocCapped: '{{domain}} 的 nproc 上限为 {{value}}（{{file}}）；pam_limits 不作用于由 systemd 启动的 dockerd（LimitNPROC={{unitLimit}}）',
      },
      remediation: [
        '在主机及带有该文件的镜像中，把 /etc/security/limits.d/20-nproc.conf 中的 4096 调大（最大参考 kernel.pid_max）。',
        '对 dockerd 及其容器，在 docker.service 的 drop-in 文件中设置 LimitNPROC 和 TasksMax（pam_limits 不作用于服务），然后重新加载并重启。',
        '如果主机运行大量进程，调大 kernel.pid_max。',
      ],
    },
    'overlay2-copyup-space': {
      title: '数据根目录所在文件系统空间或 inode 耗尽（overlay2 Copy-UP 失败）',
      explanation: 'overlay2 在容器第一次修改镜像中的文件时，会把该文件从镜像层完整地拷贝到容器层（Copy-UP），所以即使修改很小，若该文件的大小大于剩余空间，修改也会失败；每个新文件还需要一个 inode。数据根目录所在文件系统写满后，拉取镜像、创建容器和容器内写入都会以 ENOSPC 错误失败。',
      messages: {
        diskFull: '数据根目录所在文件系统 {{mountedOn}}（{{filesystem}}）已用 {{usePercent}}%，剩余 {{avail}}',
        inodesFull: '数据根目录所在文件系统 {{mountedOn}}（{{filesystem}}）已用 {{inodesUsePercent}}% 的 inode（{{inodesUsed}} / {{inodes}}）',
        noSpaceErrors: 'docker/containerd 报了 {{count}} 次 ENOSPC（没有空间）错误；数据根目录所在文件系统现在看起来正常（{{state}}）',
      },
      remediation: [
        '释放数据根目录下的空间：删除已停止的容器、悬空镜像和构建缓存。',
        '检查数据根目录所在文件系统中空间和 inode 的占用情况。',
        '容器需要修改的大文件放在卷中，而不是镜像层中（Copy-UP 会拷贝整个文件）。',
      ],
    },
    'overlay2-mount-shadow': {
      title: '数据根目录的 overlay2 目录上挂载了文件系统',
      explanation: 'overlay2 把所有镜像层和容器层保存在 <data-root>/overlay2 下。挂载在该目录上的文件系统会覆盖它们：已运行的容器保留自己的挂载，业务仍然可以正常运行，但新的层会落到错误的文件系统上，删除容器会失败，报 `driver "overlay2" failed to remove root filesystem … invalid argument`。',
      messages: {
        mountShadow: '{{source}}（{{fsType}}）挂载在 {{path}} 上，覆盖了其下的容器层',
        removeFailed: 'overlay2 下有 {{count}} 次删除容器失败，报 “invalid argument”：通常是因为 overlay2 目录上有挂载点',
      },
      remediation: [
        '确定当前 docker 所使用的 graphdriver，并查找 overlay2 目录上的挂载点。',
        '从下往上逐一 umount 这些挂载点，然后 docker restart 全部容器或删除所有容器，再重启 docker。',
        '或者进行业务迁移并重启节点。',
      ],
    },
    'overlay2-redirect-dir': {
      title: 'overlayfs 的 redirect_dir 关闭：重命名目录报 EXDEV',
      explanation: '在 overlayfs 上，对位于 lower 层（镜像层）的目录调用 rename(2) 会返回 EXDEV，除非内核可以记录重定向（`/sys/module/overlay/parameters/redirect_dir` = Y，内核 4.10+）。不回退到“复制再删除”的程序会因此失败，报 “Invalid cross-device link”。没有这类失败时，该设置只是预防措施。',
      messages: {
        renameFailures: 'redirect_dir 为 N，日志中有 {{count}} 次 rename 失败（EXDEV / “Invalid cross-device link”）',
        redirectDirOff: 'overlayfs 的 redirect_dir 为 N：在容器内重命名来自镜像层的目录会报 EXDEV',
      },
      remediation: [
        '将 redirect_dir 设置为 Y。',
        '通过模块参数使其在重启后保持，然后重启受影响的容器。',
      ],
    },
    'overlay2-unsupported': {
      title: 'overlay2 运行在不受支持的内核或底层文件系统上',
      explanation: 'overlay2 只兼容原生 4.0 以上内核，并需要支持它的底层文件系统；建议配合使用 ext4，xfs 只有在以 ftype=1 格式化（支持 d_type）时才可用。在其他文件系统上或缺少 d_type 时，dockerd 会拒绝 overlay2，或者镜像层行为异常（文件消失、重命名和删除失败）。`overlay2.override_kernel_check` 只是跳过内核检查，并不能让旧内核变得安全。',
      messages: {
        oldKernel: 'overlay2 运行在内核 {{kernel}} 上；需要 4.0 或更高版本',
        noDtype: 'overlay2 的底层文件系统（{{fs}}）不支持 d_type（xfs 未使用 ftype=1）',
        badBackingFs: 'overlay2 运行在 {{fs}} 之上；只支持 ext4（建议）和 ftype=1 的 xfs',
        kernelCheckOverridden: '设置了 overlay2.override_kernel_check：dockerd 不检查内核（{{kernel}}）',
        refused: 'dockerd 拒绝 overlay2：{{reason}}',
      },
      remediation: [
        '使用 4.0 或更高版本的内核，并把数据根目录放在 ext4（或以 ftype=1 格式化的 xfs）上。',
        '在 daemon.json 或 /etc/sysconfig/docker-storage 中配置存储驱动。',
      ],
    },
    'package-conflict': {
      title: 'docker-engine 与 containerd、runc 或 podman 软件包同时安装',
      explanation: 'openEuler 的 docker-engine rpm 包中已经包含 containerd、runc 和 docker 客户端（docker-containerd、docker-runc）。在其旁边单独安装 containerd、runc 或 podman 软件包会替换或遮蔽这些二进制和单元，引擎可能运行在未经构建和测试的运行时上。指南规定它们不能同时安装。',
      messages: {
        coInstalled: 'docker-engine {{engine}} 与 {{others}} 同时安装',
      },
      remediation: [
        'docker-engine rpm 包不能与单独的 containerd、runc 或 podman rpm 包同时安装：删除多余的软件包（先确认没有其他组件依赖它们）。',
      ],
    },
    'power-off-db-loss': {
      title: '异常关机后 docker 状态丢失',
      explanation: '主机意外掉电时，docker daemon 的状态可能来不及刷新到磁盘：掉电前创建的容器，重启后 `docker ps -a` 可能看不到，尚未完全写入的文件会加载出错。此外，openEuler docker-engine 在每次系统启动后首次启动时会清理其 db 文件（网络、卷、构建缓存、containerd 元数据），之后的启动中会清理小于 8 KiB 的 db 文件，除非 DISABLE_CRASH_FILES_DELETE=true 传到了 dockerd；配置无法加载的容器目录会被删除（补丁 0020），于是容器消失。',
      messages: {
        stateLost: '{{trigger}}之后，docker 丢失了状态：{{lost}}',
        stateDamaged: 'docker 状态文件已损坏（{{lost}}）；未发现异常关机',
      },
      remediation: [
        '若选择手动清理恢复环境，先阻止下次启动时删除 db 文件：为 dockerd 配置环境变量 DISABLE_CRASH_FILES_DELETE=true。',
        '截断的 local-kv.db 会使 dockerd 无法启动（“file size too small”）：将其移走，让 dockerd 重新创建（之后需重新创建用户网络）。',
        '掉电导致损坏的 thinpool 无法修复，需重建 thinpool。',
        '按定义重新创建丢失的容器、网络和卷；volumes/<name>/_data 下的卷数据仍然保留。',
      ],
    },
    'seccomp-performance': {
      title: '网络负载重的主机上启用了 seccomp 过滤',
      explanation: '开启 seccomp（docker 默认配置）后，容器进程的每个系统调用都要经过 seccomp 过滤：内核不走 system_call_fastpath，而是调用 tracesys。对系统调用密集的负载（大量小的网络读写）这会带来明显的 CPU 开销。这是一项安全特性：只对有高性能要求的容器关闭它，并清楚这会去掉一层保护。',
      messages: {
        seccompNetworkHeavy: '已开启 seccomp（{{profile}}），且主机网络负载较重（{{reason}}）：系统调用过滤在此会消耗 CPU',
      },
      remediation: [
        '如果网络密集型容器的 CPU 消耗在系统调用上，且其威胁模型允许，可在关闭 seccomp 过滤的情况下运行该容器。',
        '尽可能使用更小的自定义配置，而不是 unconfined。',
      ],
    },
    'semaphore-leak': {
      title: 'devicemapper 的 udev cookie 信号量残留',
      explanation: 'libdevmapper 每进行一次与 udev 同步的操作就创建一个 SysV 信号量（键为 0x0D4D<<16 | random），并在 udev 完成后销毁。如果在此期间 dockerd 被强制退出，该信号量就会泄露：一次强制退出最多泄露一个。泄露的信号量不断累积，直到达到 SEMMNI（kernel.sem 的第四个值）；之后每个 devicemapper 操作都会失败，报 “dm_task_set_cookie failed”，docker daemon 无法启动。',
      messages: {
        limitReached: '已使用 {{used}} / {{limit}} 个信号量集（SEMMNI）；其中 {{leaked}} 个是残留的 devicemapper udev cookie',
        leakedCookies: '残留 {{leaked}} 个 devicemapper udev cookie 信号量（已使用 {{used}} / {{limit}} 个信号量集）',
        leakedCookiesNoLimit: '残留 {{leaked}} 个 devicemapper udev cookie 信号量（SEMMNI 未知）',
        cookieFailures: 'dockerd {{count}} 次无法创建 devicemapper udev cookie：很可能已达到信号量上限',
      },
      remediation: [
        '查看系统上残留的信号量和 cookie，并查看内核信号量设置上限（kernel.sem 的第四个值 = SEMMNI）。',
        '如果残留的信号量数量与第四个值相等，可以增加信号量使用上限值……',
        '……也可以手动清理一分钟以前申请的 devicemapper 信号量（该命令会要求确认，并跳过更新的 cookie）。',
      ],
    },
    'start-limit-hit': {
      title: 'docker.service 因 systemd 启动次数限制被拒绝',
      explanation: '单元在时间间隔内的启动次数超过限制后，systemd 会拒绝再次启动它（openEuler docker-engine 去掉了 StartLimitBurst/StartLimitInterval，因此适用 systemd 默认值：10 秒内 5 次；上游单元为 60 秒内 3 次）。触发限制本身只是结果：真正的原因在此前失败的启动中。',
      messages: {
        startLimitHit: 'systemd {{hits}} 次拒绝启动 docker.service（达到启动次数限制），此前有 {{failedStarts}} 次启动失败；第一个原因：{{cause}}',
        startLimitState: 'docker.service 处于 {{state}} 状态（Result={{result}}）：达到了启动次数限制',
        restartedTooOften: 'systemd {{hits}} 次拒绝启动 docker.service：在拒绝之前的 {{seconds}} 秒内启动了 {{starts}} 次，超过了启动次数限制',
      },
      remediation: [
        '先解决启动失败的原因（见关联的问题和下方第一次失败的启动）。',
        '等到下一个 10s 周期开始后，再重启 docker 服务。',
        '或者清除失败状态，使 systemd 立即接受启动。',
      ],
    },
    'umask-setting': {
      title: '容器的 umask（exec-opt native.umask，openEuler）',
      explanation: 'openEuler 的 docker-engine 根据 exec-opt native.umask 设置容器主进程和 exec 进程的 umask：“secure”（默认）为 0027，“normal” 为 0022。使用 0027 时，容器进程创建的文件和目录（包括在 bind mount 和卷上）对 others 群组没有权限，依赖 0022 的镜像和边车容器会因此出错。为单个容器配置的 umask 优先于守护进程的配置。其他任何值都会被拒绝，dockerd 无法启动。',
      messages: {
        umaskSet: 'native.umask={{value}}：容器进程以 umask {{umask}} 运行',
        umaskDefault: 'openEuler docker-engine 未配置 native.umask：容器进程以 umask 0027 运行（secure，默认值）',
        umaskInvalid: '不支持 native.umask={{value}}（只支持 normal 或 secure）：dockerd 拒绝启动',
      },
      remediation: [
        '如果容器需要创建其他用户可读的文件（umask 0022），把 exec-opt 设为 normal 并重启 docker。',
        '只使用 normal（0022）或 secure（0027）这两个值。',
      ],
    },
    'userland-proxy-load': {
      title: '大量 docker-proxy 进程（userland-proxy）',
      explanation: '启用 userland-proxy（默认）时，docker 每映射一个端口和地址族就启动一个 docker-proxy 进程，即使 iptables 的 DNAT 已经转发了流量。每个都是独立的 Go 进程，占用内存、文件描述符和 PID，经它代理的连接在用户态拷贝。超过 100 个进程时这一负载不可忽视；建议只映射必须的端口。',
      messages: {
        manyProxies: '运行着 {{count}} 个 docker-proxy 进程（userland-proxy {{proxySetting}}）；超过 {{threshold}} 个会加重主机负载',
        someProxies: '为已映射端口运行着 {{count}} 个 docker-proxy 进程（userland-proxy {{proxySetting}}）',
        manyPorts: 'userland-proxy 为 {{proxySetting}} 时，运行中的容器有 {{count}} 个端口映射（没有进程列表，无法统计 docker-proxy）',
      },
      remediation: [
        '只映射必须的端口：每个 -p 映射都会启动一个 docker-proxy 进程。',
        '在不需要它也能实现 hairpin NAT 和 localhost 访问的场景下，关闭该代理（daemon.json 中 `"userland-proxy": false`）并重启 docker。',
      ],
    },
    'veth-leak': {
      title: 'dockerd 被强制退出后 veth 网卡残留',
      explanation: '使用 bridge 网络模式时，docker 会先在主机上创建一对 veth，之后才把该网卡信息存到数据库中。如果在此期间 dockerd 被强制退出（SIGKILL、崩溃、掉电），下次启动既不知道也不会删除这对网卡：它留在主机上，两端常常都在主机 namespace 中，连接在 docker0 或 br- 网桥上，造成网卡残留。openEuler 的 docker.service 没有 Restart=，所以 dockerd 会一直停止，直到手工重启。',
      messages: {
        orphanPairs: '{{count}} 个 veth 网卡两端都在主机上且没有对应的容器：{{names}}',
        excessEndpoints: 'docker 网桥上有 {{count}} 个 docker veth endpoint，但运行中的容器只有 {{running}} 个：{{names}}',
      },
      remediation: [
        '确认没有容器使用这些网卡（docker ps、docker network inspect），然后删除每一对残留的网卡；删除一端会同时删除另一端。',
        '强制退出后重启 docker，使其清理它所知道的 endpoint（“Removing stale sandbox/endpoint”）。',
      ],
    },
  },

  // --- s4-runtime ---
  // 规则在运行时生成的文本（confidenceReason、ctx.insufficient），按英文原文匹配：runtime-text.ts。
  runtime: {
    'counted over the audit records forwarded into {{log}} from {{from}} to {{to}}': '按转发到 {{log}} 的 audit 记录统计，时间范围 {{from}} 至 {{to}}',
    'needs {{artifacts}}': '需要：{{artifacts}}',
    'the rule is loaded; the audit records forwarded into {{log}} show {{count}} keyed events ({{rate}} per minute), below the flood threshold': '规则已加载；转发到 {{log}} 的 audit 记录中有 {{count}} 个带键事件（每分钟 {{rate}} 个），低于泛滥阈值',
    'counted over audit.log from {{from}} to {{to}}':
      '按 audit.log 统计，时间范围 {{from}} 至 {{to}}',
    'the rule is loaded; audit.log shows {{count}} keyed events ({{rate}} per minute), below the flood threshold':
      '规则已加载；audit.log 中有 {{count}} 条带该键的事件（每分钟 {{rate}} 条），低于泛滥阈值',
    'the rule is loaded or configured; audit.log was not available to measure the volume':
      '规则已加载或已配置；未采集到 audit.log，无法衡量记录量',
    'low-volume watches on files that rarely change':
      '监视的是很少变化的文件，记录量小',
    'dockerd logged the mismatch when it refused to start':
      'dockerd 拒绝启动时在日志中记录了这一不一致',
    'the configured value and the ip addr output disagree':
      '配置值与 “ip addr” 的输出不一致',
    'no docker0 address and no default-bridge log line from dockerd':
      '既没有 docker0 的地址，也没有 dockerd 关于默认网桥（“Default bridge”）的日志行',
    'an earlier dockerd start came up without the "Default bridge" line (so with --bip), the last one logs it with the old subnet':
      '较早的一次 dockerd 启动没有 “Default bridge” 日志行（即使用了 --bip），最后一次启动则以旧子网记录了该行',
    'no bip in any configuration source; dockerd also picks another pool when 172.17.0.0/16 overlaps a host route':
      '所有配置来源中都没有 bip；当 172.17.0.0/16 与主机路由重叠时，dockerd 也会选用其他地址池',
    'the failure follows containerd going away ({{how}}) in the same boot':
      '失败发生在同一次启动中 containerd 退出（“{{how}}”）之后',
    'the failure comes right after an unclean reboot, with no containerd kill: runc/containerd state from before the reboot was left behind':
      '失败紧接在一次异常重启之后，且 containerd 未被强制退出：重启前的 runc/containerd 状态残留了下来',
    'the failure comes right after a reboot, with no containerd kill: state under /run survived a warm reboot or was restored':
      '失败紧接在一次重启之后，且 containerd 未被强制退出：/run 下的状态在热重启后保留了下来，或被恢复了',
    'no containerd kill or restart in the 15 minutes before; stale runc state after an unclean reboot gives the same text':
      '此前 15 分钟内 containerd 没有被强制退出或重启；异常重启后残留的 runc 状态也会产生同样的文本',
    'dockerd refused to start with this file and did not start successfully afterwards':
      'dockerd 因该文件拒绝启动，此后也没有成功启动过',
    'dockerd refused this configuration earlier but started successfully later':
      'dockerd 之前拒绝了这一配置，但之后成功启动了',
    'the file is broken; the journal shows no failed start yet (dockerd reads it at its next start)':
      '文件已损坏；日志中尚无启动失败（dockerd 会在下次启动时读取该文件）',
    'logrus accepts only trace, debug, info, warn, error, fatal and panic':
      'logrus 只接受 “trace”、“debug”、“info”、“warn”、“error”、“fatal” 和 “panic”',
    'dockerd logged the refusal and no successful start follows it':
      'dockerd 在日志中记录了拒绝，之后没有成功启动',
    'dockerd logged the refusal but started successfully later: the configuration was fixed since':
      'dockerd 在日志中记录了拒绝，但之后成功启动：配置此后已修正',
    'systemctl show reports Result=timeout':
      '“systemctl show” 报告 Result=timeout',
    'systemctl status reports Result: timeout':
      '“systemctl status” 报告 “Result: timeout”',
    'systemd logged the timeout and the bundle shows a reason':
      'systemd 记录了启动超时，采集包中可以看到原因',
    'systemd logged the timeout; the bundle does not show why dockerd was slow':
      'systemd 记录了启动超时；采集包中看不出 dockerd 为什么慢',
    'from the data-root listing (cut short: there may be more)':
      '来自数据根目录的列表（列表被截断：可能还有更多）',
    'from the data-root listing':
      '来自数据根目录的列表',
    'names not in the list of what dockerd, containerd and runc create there':
      '这些名称不在 dockerd、containerd 和 runc 会在该处创建的内容之列',
    'the process list shows the daemons and their data-root options':
      '进程列表显示了这些守护进程及其 data-root 参数',
    'the timeout means another process held the flock on volumes/metadata.db; the process list does not show it any more':
      '超时说明另一个进程持有 volumes/metadata.db 上的 flock 锁；进程列表中已看不到它',
    'logrotate\'s own error names the file; whether it changed files (copytruncate, rename) is not in the logs':
      'logrotate 自己的错误指出了该文件；它是否修改了文件（copytruncate、重命名）日志中看不出',
    'audit.log was not collected: only logrotate\'s errors in the logs were looked at':
      '未采集 audit.log：只检查了日志中 logrotate 的错误',
    'audit records name the process and the path':
      'audit 记录指出了进程和路径',
    'docker info lists the loop file':
      'docker info 列出了 loop 文件',
    'docker info names a loop device as the data file':
      'docker info 显示数据文件是一个 loop 设备',
    'docker info names a regular file as the data file (docker before 1.5 printed the loop file there)':
      'docker info 显示数据文件是一个普通文件（1.5 之前的 docker 在此处输出 loop 文件）',
    'from the configuration; docker info (which names the loop file) was not available':
      '来自配置；docker info（会列出 loop 文件）不可用',
    'docker info reports the deferred settings':
      'docker info 报告了 deferred 相关设置',
    'from the storage-opts; docker info was not available':
      '来自 storage-opts；docker info 不可用',
    'dm.fs is set in the configuration':
      '配置中设置了 dm.fs',
    'docker info reports the backing filesystem':
      'docker info 报告了底层文件系统',
    'dmsetup status of the pool':
      '该池的 “dmsetup status” 输出',
    'docker info\'s space lines of the pool':
      'docker info 中该池的空间信息行',
    'dockerd logged the refusal; the pool has room now (space freed since?)':
      'dockerd 在日志中记录了拒绝；池现在有空间（此后已释放？）',
    'dockerd logged the refusal':
      'dockerd 在日志中记录了拒绝',
    'read from the LVM profile':
      '读取自 LVM 配置文件',
    'dockerd logged the verification failure':
      'dockerd 在日志中记录了校验失败',
    'each start and each unplanned exit is in the journal (counted per run, not per line)':
      '每次启动和每次意外退出都在日志中（按运行次数计，而非按行）',
    'systemd counted the automatic restarts; the journal does not show them (rotated or not collected)':
      '自动重启次数由 systemd 统计；日志中看不到它们（已轮转或未采集）',
    'docker network ls listed no networks (not collected, or the daemon was down)':
      '“docker network ls” 没有列出任何网络（未采集，或守护进程未运行）',
    'docker network ls lists the same name with different IDs':
      '“docker network ls” 列出了同名但 ID 不同的网络',
    'dockerd logged the ambiguity error':
      'dockerd 在日志中记录了名称歧义错误',
    '; seen in the logs only: {{artifacts}} would confirm it':
      '；仅见于日志：{{artifacts}} 可以证实',
    '; the logs show {{events}}':
      '；日志中出现 {{events}}',
    'the chains are missing and firewalld started after dockerd':
      '链缺失，且 firewalld 在 dockerd 之后启动',
    'the chains are missing while dockerd runs with iptables enabled; what removed them is not in the logs (firewalld, iptables -F/-X, a firewall script)':
      'dockerd 在启用 iptables 的情况下运行，但链缺失；日志中看不出是什么删除了它们（firewalld、iptables -F/-X、防火墙脚本）',
    'dockerd restarted after the last failure, which re-creates the chains':
      '最后一次失败之后 dockerd 重启过，这会重新创建链',
    'no dockerd restart followed the failures':
      '失败之后 dockerd 没有重启',
    'dockerd restarted after the last refused append, which re-creates the chains':
      '最后一次追加规则被拒之后 dockerd 重启过，这会重新创建链',
    'firewalld reported the chain missing when docker added to it':
      'docker 向链中添加规则时，firewalld 报告该链不存在',
    'firewalld started after dockerd, though docker\'s chains are present (firewalld may have been configured for docker)':
      'firewalld 在 dockerd 之后启动，但 docker 的链仍在（firewalld 可能已针对 docker 做过配置）',
    'firewalld started after dockerd; the iptables state was not collected':
      'firewalld 在 dockerd 之后启动；未采集 iptables 状态',
    'dockerd could not program its NAT chain; the cause is not in the logs':
      'dockerd 无法设置其 NAT 链；日志中没有原因',
    'dockerd logged the fatal deprecation error':
      'dockerd 在日志中记录了关于已弃用参数的致命错误',
    'the option is in the configuration as collected':
      '采集到的配置中有该参数',
    'the option is in the effective configuration':
      '生效的配置中有该参数',
    'dockerd logged the deprecation warning; the configuration that sets it was not collected':
      'dockerd 在日志中记录了弃用警告；未采集到设置该参数的配置',
    'icc=false is set but the filter table was not collected':
      '设置了 icc=false，但未采集 “filter” 表',
    'the rule order in iptables-save shows the ICMP accept ahead of the inter-container DROP':
      'iptables-save 中的规则顺序显示 ICMP 的 ACCEPT 位于容器间 DROP 之前',
    'systemctl status shows the SIGPIPE kill; the journald restart that causes it is not in the collected logs':
      '“systemctl status” 显示被 SIGPIPE 终止；采集到的日志中没有导致它的 journald 重启',
    'systemd recorded the SIGPIPE kill after the journald restart':
      'systemd 记录了 journald 重启后被 SIGPIPE 终止',
    'too many dockerd lines to tell whether dockerd logged after the journald restart':
      'dockerd 日志行太多，无法判断 journald 重启后 dockerd 是否还写过日志',
    'docker mounts/ports changed during the window, yet no dockerd line was logged until the restart':
      '这段时间内 docker 的挂载点和端口发生了变化，但直到重启前 dockerd 没有记录任何日志行',
    'docker mounts/ports changed after the journald restart, yet dockerd logged nothing':
      'journald 重启后 docker 的挂载点和端口发生了变化，但 dockerd 没有记录任何内容',
    'dockerd may simply have been idle; nothing else shows docker activity after the restart':
      'dockerd 可能只是空闲；重启后没有其他迹象表明 docker 有活动',
    'neither a package list nor docker version output could be parsed':
      '既无法解析软件包列表，也无法解析 “docker version” 的输出',
    '{{via}} shows {{package}} {{version}}, but openEuler backports fixes and no package list was available to check the rpm release':
      '“{{via}}” 显示 {{package}} {{version}}，但 openEuler 会向旧版本回合修复，且没有软件包列表可用于核对 rpm 的发行号',
    '{{via}} shows {{package}} {{version}}, inside the affected range':
      '“{{via}}” 显示 {{package}} {{version}}，在受影响的版本范围内',
    'cannot compare {{system}} version "{{version}}" of {{package}} with the range':
      '无法将 {{package}} 的 {{system}} 版本 “{{version}}” 与该范围比较',
    '{{via}} lists {{package}} {{version}}, inside the affected range':
      '“{{via}}” 列出 {{package}} {{version}}，在受影响的版本范围内',
    '{{via}} lists {{package}} {{version}}, inside the affected range for {{distribution}}':
      '“{{via}}” 列出 {{package}} {{version}}，在 {{distribution}} 受影响的版本范围内',
    '{{via}} lists {{package}} {{version}}, inside the affected range ({{tags}})':
      '“{{via}}” 列出 {{package}} {{version}}，在受影响的版本范围内（{{tags}}）',
    '{{via}} lists {{package}} {{version}}, inside the affected range for {{distribution}} ({{tags}})':
      '“{{via}}” 列出 {{package}} {{version}}，在 {{distribution}} 受影响的版本范围内（{{tags}}）',
    'could not compare: {{reasons}}':
      '无法比较：{{reasons}}',
    'the logs show EAGAIN from fork or thread creation, which only process/thread limits cause':
      '日志中有 fork 或创建线程时的 EAGAIN，只有进程/线程数限制会导致它',
    'counted from a snapshot; threads count against these limits too, so the real use is higher':
      '按快照统计；线程也计入这些限制，因此实际用量更高',
    'a precaution: the bundle shows the cap, not a process hitting it':
      '预防性提示：采集包显示了上限，而非有进程达到上限',
    'df of the data-root filesystem':
      '数据根目录所在文件系统的 df 输出',
    'df -i of the data-root filesystem':
      '数据根目录所在文件系统的 “df -i” 输出',
    'the errors were logged; space may have been freed before collection':
      '日志中记录了这些错误；采集前空间可能已被释放',
    'the errors were logged; df of the data-root was not collected':
      '日志中记录了这些错误；未采集数据根目录的 df 输出',
    'from mount -l, whose path split is a guess':
      '来自 “mount -l”，其路径切分只是推测',
    'the mount table shows a mount exactly on the overlay2 directory':
      '挂载表显示恰好在 overlay2 目录上有一个挂载点',
    'the collected mount table shows nothing on {{target}} (unmounted since, or another data-root)':
      '采集到的挂载表中 {{target}} 上没有挂载（此后已卸载，或是另一个数据根目录）',
    'no mount table was collected to confirm the shadowing mount':
      '未采集挂载表，无法证实覆盖它的挂载点',
    'the parameter is off and rename failures were logged; the logs do not say the renamed directory came from a lower layer':
      '该参数已关闭，且日志中有重命名失败；日志没有说明被重命名的目录来自下层',
    'read from /sys/module/overlay/parameters/redirect_dir; no rename failure was logged, so this is a precaution':
      '读取自 /sys/module/overlay/parameters/redirect_dir；日志中没有重命名失败，因此这是预防性提示',
    'kernel release and storage driver both collected':
      '内核版本和存储驱动都已采集',
    'docker info reports d_type support':
      'docker info 报告了 d_type 支持情况',
    'from the mount holding the data-root':
      '来自数据根目录所在的挂载点',
    'no package list could be parsed':
      '无法解析任何软件包列表',
    'the {{manager}} package list names both':
      '{{manager}} 软件包列表中两者都有',
    'boot endings are unknown (volatile or truncated journal) and no state loss was seen':
      '不清楚各次启动如何结束（日志未持久保存或被截断），也没有看到状态丢失',
    'an unclean boot end is followed by lost or damaged docker state':
      '异常关机之后 docker 状态丢失或损坏',
    'an unclean boot end and DB deletion at start; which objects were lost is not visible':
      '异常关机且启动时删除了数据库；看不出丢失了哪些对象',
    'damaged state files without an identified unclean shutdown (journal may not reach back far enough)':
      '状态文件已损坏，但未识别出异常关机（日志可能没有覆盖到那么早）',
    'docker info shows no Security Options (daemon down or not collected)':
      'docker info 中没有 “Security Options”（守护进程未运行或未采集）',
    'a precaution: the bundle shows seccomp on and many published ports, not the syscall cost itself':
      '预防性提示：采集包显示 seccomp 已开启且发布了大量端口，而非系统调用开销本身',
    'semaphore table and kernel.sem both collected':
      '信号量表和 kernel.sem 都已采集',
    'limit reached; cookies not identified in the semaphore table':
      '已达上限；未在信号量表中识别出 cookie',
    'cookie change times are older than one minute':
      'cookie 的修改时间早于一分钟之前',
    'cookie age unknown (collect ipcs -s -t / ipcs -s -i)':
      'cookie 的存在时间未知（请采集 “ipcs -s -t” / “ipcs -s -i”）',
    'dockerd reported cookie failures; no leaked cookie in the semaphore table (maybe another IPC namespace, or cleaned since)':
      'dockerd 报告了 cookie 失败；信号量表中没有残留的 cookie（可能在另一个 IPC 命名空间，或此后已清理）',
    'dockerd reported cookie failures; the semaphore table was not collected':
      'dockerd 报告了 cookie 失败；未采集信号量表',
    'no semaphore table (ipcs -s, /proc/sysvipc/sem, dmsetup udevcookies) and no cookie failure in the logs':
      '没有信号量表（“ipcs -s”、/proc/sysvipc/sem、“dmsetup udevcookies”），日志中也没有 cookie 失败',
    'systemd reports the unit result directly; the journal lines were not found':
      'systemd 直接报告了单元的结果；未找到相应的日志行',
    'systemd logged the start-limit refusal; the starts before it all succeeded':
      'systemd 记录了因启动次数限制而拒绝；此前的启动全部成功',
    'systemd logged the start-limit refusal; each failed start is counted once, from its own lines':
      'systemd 记录了因启动次数限制而拒绝；每次失败的启动只按其自身的日志行计一次',
    'dockerd logged the rejection':
      'dockerd 在日志中记录了拒绝',
    'the configured value is neither normal nor secure (patch 0021 rejects it at start)':
      '配置值既不是 normal 也不是 secure（补丁 0021 会在启动时拒绝它）',
    'set explicitly in the daemon configuration':
      '在守护进程配置中显式设置',
    '{{text}}; no native.umask in daemon.json, sysconfig, unit or argv':
      '{{text}}；daemon.json、sysconfig、单元文件和 argv 中都没有 native.umask',
    'counted in the process list':
      '按进程列表统计',
    'neither a process list nor published ports from docker ps':
      '既没有进程列表，也没有来自 docker ps 的发布端口',
    'estimated from docker ps PORTS (one docker-proxy per mapping); the process list was not collected':
      '根据 docker ps 的 PORTS 列估算（每个端口映射一个 docker-proxy）；未采集进程列表',
    'no interfaces parsed from ip -d -o link':
      '未能从 “ip -d -o link” 中解析出任何接口',
    'dockerd (re)started {{seconds}} s before collection: pairs of containers still being started look the same for a few seconds; collect again after a minute to confirm':
      'dockerd 在采集前 {{seconds}} 秒（重新）启动：仍在启动的容器的 veth 对在几秒内看起来一样；请一分钟后重新采集以确认',
    'both ends of each pair are in the host namespace, which no running container allows':
      '每对的两端都在主机命名空间中，任何运行中的容器都不会如此',
    'docker ps -a was not collected (daemon down?): endpoints cannot be matched to running containers':
      '未采集 “docker ps -a”（守护进程未运行？）：无法将 endpoint 与运行中的容器对应',
    'counted against running containers; host-network and container-network containers own no veth, so this is a lower bound':
      '按运行中的容器统计；使用 “host” 网络和 “container” 网络的容器没有自己的 veth，因此这是下限',
  },
});
