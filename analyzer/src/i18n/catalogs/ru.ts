/**
 * Русский. Термины и названия разделов — как в русском руководстве openEuler «Установка и
 * развертывание» (контейнер Docker): демон, служба Docker, семафоры, драйвер хранилища, пул
 * thinpool, принудительное аннулирование процессов. Глоссарий: docs/glossary.md.
 * Команды, пути, идентификаторы и выдержки из журналов не переводятся.
 */
import { ru } from 'date-fns/locale/ru';
import { defineCatalog } from '../types.js';

export default defineCatalog({
  tag: 'ru',
  name: 'Русский',
  dateLocale: ru,
  ui: {
    'report.title': 'Отчет docker-postmortem',
    'report.verdict': 'Заключение',
    'report.findings': 'Обнаруженные проблемы',
    'report.findings-count': 'Обнаруженные проблемы ({{count}})',
    'report.most-severe': 'Самые серьезные проблемы',
    'report.root-causes': 'Первопричины',
    'report.timeline': 'Хронология',
    'report.coverage': 'Сбор данных и охват проверок',
    'report.host-facts': 'Сведения о хосте',
    'report.inventory': 'Содержимое архива',
    'report.explanation': 'Объяснение',
    'report.remediation': 'Метод устранения',
    'report.evidence': 'Свидетельства',
    'report.more-lines': '{{count, plural, one{еще # строка} few{еще # строки} many{еще # строк} other{еще # строки}}}',
    'report.more-occurrences': '{{count, plural, one{еще # случай} few{еще # случая} many{еще # случаев} other{еще # случая}}}',
    'report.caused-by': 'Причина',
    'report.causes': 'Следствия',
    'report.guide-section': 'Руководство openEuler',
    'report.source': 'Источник',
    'report.severity': 'Серьезность',
    'report.confidence': 'Достоверность',
    'report.category': 'Категория',
    'report.status': 'Состояние',
    'report.time': 'Время',
    'report.first-seen': 'Впервые',
    'report.last-seen': 'В последний раз',
    'report.copy': 'Копировать',
    'report.filter': 'Фильтр',
    'report.no-findings': 'Проблем не обнаружено.',
    'report.not-evaluated': 'Не проверено',
    'report.show-passed': 'Показать пройденные проверки',
    'report.collect-next': 'Что собрать в следующий раз',
    'report.collect-next-command': 'соберите {{command}}',
    'report.unconfirmed': 'Видно только в журналах; подтвердил бы снимок состояния: {{artifact}}',
    'report.in-english': 'на английском',
    'report.bundle': 'Архив',
    'report.host': 'Хост',
    'report.collected': 'Собрано',
    'report.collected-at': 'собрано {{time}}',
    'report.unknown': 'неизвестно',
    'report.docker-version': 'Docker {{version}}',
    'report.docker-version-unknown': 'версия Docker неизвестна',
    'report.kernel': 'ядро {{kernel}}',
    'report.flavor.openeuler-docker-engine': 'openEuler docker-engine',
    'report.flavor.upstream': 'Docker из основной ветки (upstream)',
    'report.flavor.unknown': 'сборка неизвестна',
    'report.and-more': '…и еще {{count}} (см. HTML-отчёт)',
    'report.more-findings': '{{count, plural, one{…и еще # проблема в HTML-отчёте} few{…и еще # проблемы в HTML-отчёте} many{…и еще # проблем в HTML-отчёте} other{…и еще # проблемы в HTML-отчёте}}}',
    'report.more-chains': '{{count, plural, one{…и еще # цепочка в HTML-отчёте} few{…и еще # цепочки в HTML-отчёте} many{…и еще # цепочек в HTML-отчёте} other{…и еще # цепочки в HTML-отчёте}}}',
    'report.checks-not-evaluated': '{{count, plural, one{# проверка выполнена не полностью} few{# проверки выполнены не полностью} many{# проверок выполнены не полностью} other{# проверки выполнены не полностью}}}',
    'report.severity-counts': '{{severity}}: {{count}}',
    'report.fix': 'Устранение',
    'report.boots': 'Загрузки системы',
    'report.packages': 'Пакеты',
    'report.storage': 'Хранилище',
    'report.semaphores': 'Семафоры',
    'report.daemon-config': 'Действующая конфигурация демона',
    'report.parser-problems': 'Ошибки разбора',
    'report.reader-problems': 'Ошибки чтения архива',
    'report.artifact': 'Артефакт',
    'report.artifacts-not-clean': 'Артефакты, собранные с ошибками',
    'report.every-artifact-collected': 'Все артефакты собраны.',
    'report.checks-evaluated': 'Выполненные проверки',
    'report.checks-inconclusive': 'Проверки без вывода',
    'report.every-check-ran': 'Каждой проверке хватило данных.',
    'report.language': 'Язык',
    // report.html page (reports/view-model.ts, templates)
    'page.nav-sections': 'Разделы',
    'page.footer': 'Создано: {{tool}}. Всё время указано в UTC. Всё, что процитировано из архива, показано как текст.',
    'page.tool': '{{name}} {{version}} (правила {{rules}}, схема отчёта {{schema}})',
    // --audience engineer: свёрнутый технический раздел
    'page.technical': 'Технические сведения',
    'page.technical-note': 'для инженеров поддержки: проверки по правилам, ошибки чтения и разбора, состав архива и внутренние идентификаторы',
    'page.technical-findings': 'Идентификаторы находок',
    'page.technical-col-id': 'Идентификатор находки',
    'page.technical-col-message': 'Идентификатор сообщения',
    'page.technical-col-subject': 'Объект',
    'page.technical-col-rule': 'Модуль правила',
    'page.title': 'docker-postmortem: {{host}}',
    'page.root-cause': 'первопричина',
    'page.leads-to': 'Приводит к',
    'page.body-summary': 'Пояснение, устранение и свидетельства',
    'page.further-occurrences': 'Другие случаи',
    'page.episodes-count': '(показано {{shown}}, ещё {{more}})',
    'page.evidence-count': '({{shown}} из {{total}})',
    'page.evidence-more': 'Не показано строк-свидетельств: {{more}} (всего {{total}}; выдержки, сохранённые анализатором, есть в JSON-отчёте).',
    'page.no-time': 'без времени',
    'page.when-boot': '{{span}} (загрузка {{boot}})',
    'page.unconfirmed': 'Основано только на журналах: снимок, который подтвердил бы это, не собран.',
    'page.collect-next': 'собрать затем',
    'page.filter-findings': 'Фильтр проблем',
    'page.filter-count': 'Показано проблем: {{shown}} из {{total}} (сведения по умолчанию скрыты).',
    'page.no-findings-before': 'Проблем нет. Какие проверки выполнены, а какие нет, см. в разделе',
    'page.no-findings-link': 'охват',
    'page.no-findings-after': '.',
    'page.findings-compact': 'Последние проблемы ({{count}}) показаны по одной строке; их пояснение, устранение и свидетельства есть в JSON-отчёте.',
    'page.findings-omitted': 'Ещё проблем не перечислено: {{count}}; все они есть в JSON-отчёте.',
    'page.missing-from-bundle': 'Нет в этом архиве',
    'page.collect-with': 'собрать командой',
    'page.see': 'см.',
    'page.health-link': 'полнота сбора и охват',
    'page.checked': 'Проверено:',
    'page.collector': 'Сборщик',
    'page.as-root': 'от root',
    'page.yes': 'да',
    'page.no': 'нет',
    'page.docker-flavor': 'Вариант Docker',
    'page.host-zone': 'часовой пояс узла',
    'page.layout': 'структура',
    'page.version.kernel': 'Ядро',
    'page.version.os': 'ОС',
    'page.counts-none': 'Проблем нет',
    'page.not-evaluated-count': 'Проверок, выполненных не полностью: {{count}} из {{total}}',
    'page.timeline-count': '(событий: {{total}}, UTC)',
    'page.timeline-empty': 'В архиве нет событий с отметкой времени',
    'page.undated-left-out': '(событий без времени не учтено: {{count}})',
    'page.legend': 'Условные обозначения',
    'page.legend-start': 'загрузка, запуск, готов',
    'page.legend-stop': 'остановка, перезапуск',
    'page.legend-bad': 'сбой, ошибка, некорректное завершение',
    'page.legend-other': 'другой сигнал журнала',
    'page.legend-finding': 'проблема',
    'page.chart-caption': 'С {{start}} по {{end}}. Одна отметка на событие; крупные отметки — сбои, ошибки и проблемы.',
    'page.marks-omitted': 'Ещё событий не нарисовано: {{count}}.',
    'page.undated-sentence': 'Событий без времени не учтено: {{count}}.',
    'page.timeline-aria': 'Хронология, событий: {{count}}',
    'page.col-time': 'Время (UTC)',
    'page.col-lane': 'Дорожка',
    'page.col-event': 'Событие',
    'page.rows-omitted': 'Ещё событий не перечислено: {{count}} (всего {{total}}).',
    'page.lane.finding': 'проблема',
    'page.health': 'Полнота сбора и охват',
    'page.journal-truncated': 'Журнал в этом архиве обрезан: ранние события могут отсутствовать.',
    'page.col-state': 'Состояние',
    'page.col-detail': 'Подробности',
    'page.col-paths': 'Пути',
    'page.problems-count': 'проблем: {{count}}',
    'page.line': 'строка {{line}}',
    'page.col-check': 'Проверка',
    'page.col-why': 'Почему',
    'page.col-logs-snapshots': 'Журналы и снимки',
    'page.col-result': 'Результат',
    'page.evaluated-count': '({{evaluated}}, пройдено {{passed}})',
    'page.and-more': 'и ещё {{count}}',
    'page.replaced-by': 'заменено на',
    'page.superseded': 'Заменено более точной проблемой',
    'page.superseded-line': 'заменяется на',
    'page.superseded-tail': 'за то же время.',
    'page.missing-label': 'нет',
    'page.config-applied': 'Изменено конфигурацией команды',
    'page.config-suppressed': 'отключено конфигурацией: {{rule}} для {{scope}}',
    'page.config-severity': 'уровень изменён конфигурацией ({{change}}): {{rule}} для {{scope}}',
    'page.config-findings': 'проблем: {{count}}; запись {{entry}}',
    'page.config-file': 'Файл конфигурации {{file}} (sha256 {{hash}})',
    'inventory.label.input': 'Входные данные',
    'inventory.label.format': 'Формат архива',
    'inventory.label.layout': 'Структура',
    'inventory.label.top-folder': 'Корневая папка',
    'inventory.label.members': 'Элементов архива',
    'inventory.label.bytes-read': 'Прочитано байт',
    'inventory.label.sos-version': 'Версия sos',
    'inventory.label.collector-version': 'Версия сборщика',
    'inventory.bytes': '{{size}} (байт: {{bytes}})',
    'inventory.col-kind': 'Вид',
    'inventory.col-member': 'Элемент архива',
    'inventory.col-message': 'Сообщение',
    'inventory.problems-omitted': '{{count, plural, one{Еще # проблема чтения не показана.} few{Еще # проблемы чтения не показаны.} many{Еще # проблем чтения не показано.} other{Еще # проблемы чтения не показаны.}}}',
    'inventory.artifacts': 'Артефакты',
    'inventory.col-size': 'Размер',
    'facts.daemon-json-error': 'daemon.json не разбирается:',
    'facts.no-daemon-json': 'В архиве нет /etc/docker/daemon.json.',
    'facts.col-key': 'Параметр',
    'facts.col-effective': 'Действующее значение',
    'facts.col-source': 'Источник',
    'facts.col-where': 'Где задано',
    'facts.col-overridden': 'Переопределено',
    'facts.no-config': 'Значения конфигурации демона не найдены (действуют значения по умолчанию).',
    'facts.conflicts': 'Противоречащие параметры (dockerd не запустится)',
    'facts.versus': ' против ',
    'facts.unknown-keys': 'Неизвестные параметры daemon.json',
    'facts.wrong-types': 'Значения daemon.json неверного типа',
    'facts.environment': 'Окружение демона',
    'facts.col-variable': 'Переменная',
    'facts.col-value': 'Значение',
    'facts.driver-status': 'docker info: состояние драйвера хранилища',
    'facts.thin-pools': 'Пулы thinpool',
    'facts.objects': 'Объекты',
    'facts.no-semaphores': 'В архиве нет списка семафоров и пределов kernel.sem.',
    'facts.mounts-under': 'Точки монтирования в',
    'facts.col-mount-point': 'Точка монтирования',
    'facts.col-type': 'Тип',
    'facts.col-options': 'Параметры монтирования',
    'facts.mounts-omitted': '{{count, plural, one{Еще # точка монтирования не показана.} few{Еще # точки монтирования не показаны.} many{Еще # точек монтирования не показано.} other{Еще # точки монтирования не показаны.}}}',
    'facts.no-mounts': 'Не найдено (или в архиве нет таблицы монтирования).',
    'facts.col-package': 'Пакет',
    'facts.col-version': 'Версия',
    'facts.col-arch': 'Архитектура',
    'facts.col-manager': 'Менеджер пакетов',
    'facts.packages-omitted': '{{count, plural, one{Еще # пакет не показан.} few{Еще # пакета не показаны.} many{Еще # пакетов не показано.} other{Еще # пакета не показаны.}}}',
    'facts.no-packages': 'В архиве нет списка пакетов (или нет нужных пакетов).',
    'facts.col-index': 'Номер',
    'facts.col-boot-id': 'Идентификатор загрузки',
    'facts.col-first-entry': 'Первая запись',
    'facts.col-last-entry': 'Последняя запись',
    'facts.col-shutdown': 'Завершение работы',
    'facts.col-why': 'Причина',
    'facts.label.storage-driver': 'Драйвер хранилища',
    'facts.label.data-root': 'Корневой каталог данных (data-root)',
    'facts.label.exec-root': 'Рабочий каталог (exec-root)',
    'facts.label.data-root-fs': 'Файловая система data-root',
    'facts.label.containers': 'Контейнеры (docker ps -a)',
    'facts.label.container-folders': 'Каталоги контейнеров в data-root',
    'facts.label.orphans': 'Контейнеры в data-root, которых нет в docker ps',
    'facts.label.networks': 'Сети',
    'facts.label.volumes': 'Тома',
    'facts.label.interfaces': 'Сетевые интерфейсы',
    'facts.sem.in-use': 'Используется массивов семафоров: {{arrays}} из SEMMNI {{limit}}',
    'facts.sem.unknown-count': 'неизвестно сколько',
    'facts.sem.at-least': 'не менее {{count}}',
    'facts.sem.at-limit': ', достигнуто верхнее предельное значение',
    'facts.sem.cookies': 'из них udev cookie device-mapper: {{count}} (ключ 0x0D4D…)',
    'facts.sem.rows-not-read': '(не прочитано строк списка: {{count}})',

    'verdict.status.problems-found': 'Обнаружены проблемы',
    'verdict.status.no-problem-found': 'Проблем не обнаружено',
    'verdict.status.inconclusive': 'Нет вывода',
    'verdict.headline.problems-found': '{{count, plural, one{Обнаружена # проблема} few{Обнаружены # проблемы} many{Обнаружено # проблем} other{Обнаружено # проблемы}}}; самая серьезная: {{title}} ({{severity}})',
    'verdict.headline.inconclusive': 'Нет вывода: {{count, plural, one{отсутствует} few{отсутствуют} many{отсутствуют} other{отсутствуют}}} {{missing}}, поэтому отсутствие проблем ничего не доказывает',
    'verdict.headline.no-problem-found': 'Проблем не обнаружено в том, что удалось проверить: {{checked}}',
    'verdict.checked.logs': 'журналы с {{from}} по {{to}}',
    'verdict.checked.logs-truncated': 'журналы с {{from}} по {{to}} (усечены)',
    'verdict.checked.daemon-state': 'работающий демон (docker info / docker ps)',
    'verdict.checked.process-list': 'список процессов',
    'verdict.missing.logs': 'журналы (journal или syslog)',
    'verdict.missing.daemon-state': 'состояние демона dockerd',
    'verdict.fact.empty-journal': 'журнал собран, но не содержит записей (энергозависимый журнал очищен или сжат)',
    'verdict.fact.no-logs': 'ни journal, ни syslog не собраны',
    'verdict.fact.daemon-state-missing': 'не собраны ни состояние самого dockerd (docker info, docker ps), ни список процессов',
    'verdict.fact.dockerd-not-running': 'во время сбора данных dockerd не работал',
    'verdict.fact.dockerd-not-running-probably': 'docker info / docker ps завершились с ошибкой: вероятно, во время сбора данных dockerd не работал',
    'verdict.fact.unclean-shutdown': 'загрузка {{boot}} завершилась некорректно',
    'verdict.fact.unclean-shutdown-at': 'загрузка {{boot}} завершилась некорректно в {{time}}',
    'verdict.rules': 'выполнено: {{evaluated}}, не выполнено: {{notEvaluated}}, недостаточно данных: {{insufficient}}',
    'list.and': ' и ',
    'list.separator': '; ',

    'severity.critical': 'критично',
    'severity.error': 'ошибка',
    'severity.warning': 'предупреждение',
    'severity.info': 'сведения',
    'confidence.high': 'высокая',
    'confidence.medium': 'средняя',
    'confidence.low': 'низкая',
    'category.storage': 'хранилище',
    'category.network': 'сеть',
    'category.daemon': 'демон',
    'category.systemd': 'systemd',
    'category.ipc': 'IPC',
    'category.security': 'безопасность',
    'category.packaging': 'пакеты',
    'category.logging': 'журналирование',
    'category.performance': 'производительность',

    'coverage.status.evaluated': 'проверено',
    'coverage.status.not-evaluated': 'не проверено',
    'coverage.status.insufficient-evidence': 'недостаточно данных',
    'coverage.check.logs': 'проверка журналов (journal, syslog, журналы демона)',
    'coverage.check.state': 'проверка снимка состояния (собранного с хоста)',
    'coverage.reason.needs': 'нужны {{artifacts}}',
    'coverage.reason.findings': '{{count, plural, one{# проблема} few{# проблемы} many{# проблем} other{# проблемы}}}',
    'coverage.reason.nothing-found': 'проверено; ничего не найдено',
    'coverage.reason.superseded': 'заменено на {{finding}}: {{rule}} охватывает то же время',
    'artifact.state.present': 'собран',
    'artifact.state.missing': 'отсутствует',
    'artifact.state.failed': 'ошибка сбора',
    'artifact.state.timed-out': 'истекло время ожидания',
    'artifact.state.truncated': 'усечен',
    'artifact.state.skipped': 'пропущен',
    'artifact.state.empty': 'пуст',
    'artifact.with-state': '{{artifact}} ({{state}})',

    'source.guide': 'Руководство openEuler: {{section}}',

    'event.lifecycle.start': 'запуск',
    'event.lifecycle.ready': 'готов к работе',
    'event.lifecycle.stop': 'остановка',
    'event.lifecycle.crash': 'аварийное завершение',
    'event.lifecycle.killed': 'принудительно аннулирован',
    'event.lifecycle.start-failed': 'сбой запуска',
    'event.lifecycle.start-limit': 'достигнут предел запусков',
    'event.lifecycle.timeout': 'истекло время запуска',
    'event.lifecycle.restart': 'перезапуск',
    'event.lifecycle.boot': 'загрузка системы',
    'event.boot.start': 'начало загрузки системы',
    'event.boot.end': 'конец загрузки системы',
    'event.audit.burst': 'события audit в каталогах Docker',
    'timeline.undated': '{{count, plural, one{# событие без времени} few{# события без времени} many{# событий без времени} other{# события без времени}}}',

    'batch.title': 'Пакетная сортировка',
    'batch.bundles': 'Архивы',
    'batch.summary': 'Архивов: {{total}}; проанализировано: {{analyzed}}, прочитано частично: {{partial}}, не прочитано: {{failed}}',
    'batch.column.bundle': 'Архив',
    'batch.column.host': 'Хост',
    'batch.column.verdict': 'Заключение',
    'batch.column.findings': 'Проблемы',
    'batch.column.worst': 'Наибольшая серьезность',
    'batch.column.collected': 'Собрано',
    'batch.column.report': 'Отчет',
    'batch.unreadable': 'Архивы, которые не удалось прочитать полностью или вообще',
    'batch.shared-root-causes': 'Общие первопричины',
    'batch.matrix': 'Архив × правило',
    'batch.none-at-warning': 'Ни в одном архиве нет проблем уровня «предупреждение» или выше.',
    'batch.status.analyzed': 'проанализирован',
    'batch.status.partial': 'прочитан частично',
    'batch.status.failed': 'не прочитан',
    // --- s4-rem ---
    'remediation.check': 'проверка',
    'remediation.fix': 'исправление',
    'remediation.restart': 'нужен перезапуск',
    'remediation.no-restart': 'без перезапуска',
    'remediation.data-loss': 'возможна потеря данных',
    'remediation.no-data-loss': 'без потери данных',
    'remediation.reversible': 'можно отменить',
    'remediation.irreversible': 'нельзя отменить',
    'remediation.openeuler-only': 'только для openEuler docker-engine (вариант Docker на этом узле неизвестен)',
    'remediation.more-commands': '{{count, plural, one{…и еще # команда} few{…и еще # команды} many{…и еще # команд} other{…и еще # команды}}}',
    // --- s4-timeline ---
    'page.tl-controls': 'Отбор событий хронологии',
    'page.tl-focus': 'Интервал',
    'page.tl-focus-minutes': '±{{count}} мин',
    'page.tl-focus-all': 'все события',
    'page.tl-focus-root': 'вокруг первопричины ({{time}})',
    'page.tl-focus-finding': 'вокруг самой серьёзной проблемы ({{time}})',
    'page.tl-lanes': 'Дорожки',
    'page.tl-kinds': 'Виды событий',
    'page.tl-count': 'Показано событий: {{shown}} из {{total}}.',
    'page.tl-fold-count': '{{count}} ×',
    'page.tl-fold-members': 'каждое повторение',
    'page.tl-col-kind': 'Вид',
    'page.tl-col-where': 'Файл и строка',
    'page.tl-csv': 'Скачать CSV',
    'page.tl-print-note': 'В печати: события, выбранные интервалом и фильтрами, без выдержек; полная таблица есть в HTML-отчёте.',
    'page.copied': 'Скопировано',
    // --- s4-ticket ---
    'collect.none': 'Ничего из того, что мешает проверкам, нельзя собрать повторно.',
    'collect.sos': 'Запустите sos еще раз с модулями, которые не отработали',
    'collect.collector': 'Запустите наш сборщик',
    'collect.sos-never': 'Для того, что sos никогда не собирает, запустите также наш сборщик',
    'collect.window': 'по часу до и после «{{finding}}»: {{span}}',
    'collect.still-needed': 'Еще нужно: {{artifacts}}',
    'collect.unblocks': '{{count, plural, one{# проверка пройдет полностью} few{# проверки пройдут полностью} many{# проверок пройдут полностью} other{# проверки пройдут полностью}}}',
    'collect.layout.docker-postmortem': 'наш архив',
    'collect.layout.sosreport': 'sosreport',
    'collect.layout.folder': 'отдельная папка',
    'collect.layout.pasted-log': 'вставленный журнал',
    'ticket.verdict': 'Заключение',
    'ticket.root-cause': 'Первопричина',
    'ticket.most-severe': 'Самая серьезная проблема',
    'ticket.leads-to': 'приводит к',
    'ticket.none': 'нет',
    'ticket.findings': 'Проблемы',
    'ticket.facts': 'Факты',
    'ticket.fix': 'Исправление',
    'ticket.commands': 'Команды',
    'ticket.still-needed': 'Еще нужно',
    'ticket.nothing-needed': 'ничего, что мешало бы проверкам',
    'ticket.collect-next': 'Что собрать',
    'ticket.nothing-to-collect': 'собирать нечего',
    'ticket.window': 'Интервал',
    'ticket.whole-journal': 'нет времени события: весь журнал',
    'ticket.also': 'Также',
    'ticket.bundle': 'Архив',
    'ticket.collected': 'собран {{time}}',
    'ticket.unknown-time': 'время сбора неизвестно',
    'ticket.analyzed-with': 'Анализ выполнен',
    'page.copy-ticket': 'Копировать текст для заявки',
    'page.copy-ticket-done': 'Скопировано',
    'page.copy-ticket-select': 'Копирование запрещено: текст выделен ниже, нажмите Ctrl+C',
    'page.collect-title': 'Что собрать',
    // --- s4-batchix ---
    'batch.page-title': 'Пакет docker-postmortem: {{count, plural, one{# архив} few{# архива} many{# архивов} other{# архива}}}',
    'batch.totals': 'проанализировано: {{analyzed}} · прочитано частично: {{partial}} · не прочитано: {{failed}} · без проблем: {{healthy}}',
    'batch.tool': '{{name}} {{version}} · правила {{rules}}',
    'batch.severity-none': 'нет',
    'batch.column.root-cause': 'Первопричина',
    'batch.column.count': 'Количество',
    'batch.column.case': 'Обращение',
    'batch.column.coverage': 'Полнота проверки',
    'batch.column.docker': 'Docker',
    'batch.column.kernel': 'Ядро',
    'batch.column.os': 'ОС',
    'batch.column.rules': 'Правила',
    'batch.column.rule': 'Правило',
    'batch.column.status': 'Состояние',
    'batch.column.reason': 'Причина',
    'batch.column.entry': 'Элемент',
    'batch.coverage-rules': 'проверено правил: {{evaluated}} из {{total}}',
    'batch.open-report': 'отчет',
    'batch.filter.min-severity': 'Наибольшая серьезность не ниже',
    'batch.filter.any': 'любая',
    'batch.filter.text': 'Фильтр',
    'batch.filter.placeholder': 'файл, хост, обращение или правило',
    'batch.shown': 'показано {{shown}} из {{total}}',
    'batch.no-findings': 'Проблем нет.',
    'batch.rule-totals': 'Итоги по правилам',
    'batch.none': 'Нет.',
    'batch.skipped': 'Пропущенные элементы',
    'batch.skipped.not-a-bundle': 'пропущено: не архив диагностики',
    'batch.skipped.hidden': 'пропущено: скрытый элемент',
    'report.case-id': 'Обращение',
    'report.case-label': 'Метка',
  },
  sections: {
    'Installation and Deployment': 'Установка и развертывание',
    'Precautions': 'Меры предосторожности',
    'Precautions (versions)': 'Меры предосторожности (версии)',
    'known-defect data': 'данные об известных дефектах',
    'Daemon Parameter Configuration': 'Настройка параметров демона',
    'Daemon Running Directory Configuration': 'Настройка текущего рабочего каталога демона',
    'Daemon Network Configuration': 'Настройка сети демона',
    'Daemon umask Configuration': 'Настройка значения umask демона',
    'Daemon Start Time': 'Время запуска демона',
    'Journald Component': 'Компонент Journald',
    'Firewalld Component': 'Компонент Firewalld',
    'Iptables Component': 'Компонент Iptables',
    'Audit Component': 'Компонент Audit',
    'Security Configuration': 'Функция безопасности',
    'seccomp': 'seccomp',
    'Security Configuration (seccomp)': 'Функция безопасности seccomp',
    'Do Not Modify Private Directory of Docker Daemon': 'Запрет на операции изменения частного каталога демона Docker',
    'Precautions for Common Users': 'Меры предосторожности для обычных пользователей в сценарии с развертыванием большого количества контейнеров',
    'overlay2 Storage Driver Configuration': 'Настройка драйвера хранилища overlay2',
    'overlay2 Storage Driver Configuration (Abnormal Scenario)': 'Настройка драйвера хранилища overlay2 (Некорректный сценарий: перезаписанная точка монтирования)',
    'devicemapper Storage Driver Configuration': 'Настройка драйвера хранилища devicemapper',
    'Semaphores May Be Residual': 'Вероятность сохранения остаточных семафоров',
    'NICs May Be Residual': 'Вероятность сохранения остаточных ресурсов NIC',
    'Failed to Restart a Container': 'Сбой перезапуска контейнера',
    'Failed to Restart the Docker Service': 'Сбой перезапуска службы Docker',
    'Impact of System Power-off': 'Результат отключения питания системы',
  },
  sources: {
    'general practice': 'общепринятая практика',
    'general practice (the guide gives no remedy)': 'общепринятая практика (руководство не дает метода устранения)',
    'general practice (the guide gives none)': 'общепринятая практика (в руководстве метода нет)',
    'general practice (Docker documentation: userland-proxy)': 'общепринятая практика (документация Docker: userland-proxy)',
    'systemd hint': 'подсказка systemd',
    'openEuler patch 0021': 'патч openEuler 0021',
    // --- s4-rem ---
    'moby/moby#36145': 'moby/moby#36145',
    'moby/moby#29519': 'moby/moby#29519',
    'moby/moby#43072': 'moby/moby#43072',
    'moby/libnetwork#1850': 'moby/libnetwork#1850',
    'systemd-journald.service(8)': 'справочная страница systemd-journald.service(8)',
    'systemd.exec(5), systemd.resource-control(5)': 'справочные страницы systemd.exec(5), systemd.resource-control(5)',
  },
  events: {
    'unit.starting': 'юнит запускается',
    'unit.started': 'юнит запущен',
    'unit.stopping': 'юнит останавливается',
    'unit.stopped': 'юнит остановлен',
    'unit.reloaded': 'юнит перечитал конфигурацию',
    'unit.failed-to-start': 'сбой запуска юнита',
    'unit.main-exited': 'главный процесс завершился',
    'unit.failed-result': 'юнит завершился сбоем',
    'unit.failed-state': 'юнит перешел в состояние сбоя',
    'unit.start-limit': 'запуск отклонен: достигнут предел запусков',
    'unit.start-timeout': 'истекло время запуска',
    'unit.scheduled-restart': 'systemd запланировал перезапуск',
    'unit.holdoff': 'systemd запланировал перезапуск',
    'logrotate.file-error': 'ошибка logrotate при обработке файла',
    'unit.mount-deactivated': 'точка монтирования Docker освобождена',
    'system.shutdown': 'штатное выключение системы',
    'journald.started': 'journald запущен',
    'journald.stopped': 'journald остановлен',
    'journald.corrupt': 'файл журнала отложен как поврежденный',
    'dockerd.starting': 'dockerd запускается',
    'dockerd.api-listen': 'dockerd обслуживает API',
    'dockerd.init-done': 'dockerd завершил инициализацию',
    'dockerd.signal': 'dockerd получил запрос на остановку',
    'dockerd.shutdown-complete': 'dockerd штатно остановлен',
    'dockerd.start-error': 'dockerd не удалось запустить',
    'dockerd.config-error': 'dockerd отклонил файл конфигурации',
    'dockerd.log-level-error': 'dockerd отклонил уровень журналирования',
    'dockerd.fatal': 'неустранимая ошибка dockerd',
    'dockerd.api-error': 'сбой запроса к API dockerd',
    'dockerd.loading-containers': 'dockerd загружает контейнеры',
    'dockerd.log-line': 'запись dockerd в журнале',
    'go.panic': 'паника Go',
    'go.fatal-error': 'неустранимая ошибка среды выполнения Go',
    'go.os-thread-failed': 'среда выполнения Go не смогла создать поток',
    'dockerd.graph-flag-deprecated': 'флаг --graph устарел',
    'dockerd.graph-option-deprecated': 'параметр graph устарел',
    'dockerd.graph-option-fatal': 'параметр graph отклонен',
    'dockerd.umask-unsupported': 'значение native.umask отклонено',
    'containerd.booted': 'containerd готов к работе',
    'containerd.started-by-dockerd': 'dockerd запустил собственный containerd',
    'containerd.restarted-by-dockerd': 'dockerd аннулировал и перезапустил containerd',
    'containerd.exit-failed': 'управляемый containerd завершился с ошибкой',
    'containerd.connection-lost': 'dockerd потерял соединение с containerd',
    'runtime.id-exists': 'среда выполнения: контейнер с таким id уже существует',
    'containerd.task-exists': 'containerd: задача уже существует',
    'dockerd.container-not-cleaned': 'контейнер остался в containerd после предыдущего запуска',
    'dockerd.cleanup-db': 'dockerd удалил файл базы данных',
    'dockerd.dblock-missing': 'первый запуск dockerd после загрузки (нет dblock)',
    'container.load-failed': 'dockerd не смог загрузить контейнер',
    'container.remove-invalid': 'dockerd удалил поврежденный контейнер',
    'bolt.corruption': 'база данных bolt повреждена',
    'bolt.panic': 'паника базы данных bolt (поврежденные страницы)',
    'container.network-not-found': 'контейнер потерял свою сеть',
    'dockerd.volume-store-timeout': 'хранилище томов заблокировано другим dockerd',
    'devmapper.cookie-failed': 'devicemapper не смог получить udev cookie',
    'devmapper.semaphore-limit': 'достигнут предел семафоров',
    'devmapper.udev-wait-failed': 'сбой ожидания udev cookie',
    'devmapper.uuid-verify-failed': 'сбой проверки базового устройства devicemapper',
    'devmapper.thinpool-low-free': 'пул thinpool почти заполнен',
    'overlay2.not-supported': 'файловая система отклонила overlay2',
    'overlay2.needs-kernel': 'overlay2 требует более нового ядра',
    'overlay2.no-dtype': 'файловая система не поддерживает d_type',
    'overlay2.remove-failed': 'не удалось удалить корневую файловую систему контейнера',
    'fs.cross-device-link': 'переименование между устройствами отклонено',
    'fs.exdev': 'EXDEV при переименовании',
    'fs.no-space': 'на устройстве нет места',
    'proc.fork-eagain': 'создание процесса отклонено (EAGAIN)',
    'dockerd.bridge-mismatch': 'адрес docker0 не совпадает с заданным --bip (dockerd не запустился)',
    'dockerd.default-bridge': 'выбран адрес моста по умолчанию',
    'dockerd.network-ambiguous': 'имя сети неоднозначно',
    'dockerd.port-programming-failed': 'сбой публикации порта: нет цепочки Docker',
    'dockerd.chain-program-failed': 'Docker не смог настроить цепочку iptables',
    'dockerd.setup-iptables': 'Docker настроил свои правила iptables',
    'firewalld.command-failed': 'сбой команды firewalld',
    'kernel.bridge-port-state': 'изменилось состояние порта моста',
    'kernel.fs-recovery': 'восстановление журнала файловой системы',
    'kernel.panic-or-oom': 'паника ядра, OOM или зависание',
  },
  rules: {
    'audit-dataroot-watch': {
      title: 'Наблюдение audit за корневым каталогом данных Docker переполняет audit.log',
      explanation: 'Правило наблюдения вроде `-w /var/lib/docker/ -p rwxa -k docker` заставляет ядро записывать событие audit (SYSCALL, CWD, PATH, PROCTITLE) при каждом чтении, записи и изменении атрибутов в корневом каталоге данных: при загрузке образов, запуске контейнеров и доступе контейнеров к файлам. audit.log заполняется и ротируется за минуты, auditd и диск перегружены, а важные записи вытесняются ротацией. Наблюдение за файлами конфигурации и исполняемыми файлами (/etc/docker, docker.service, docker-runc) обходится дешево.',
      messages: {
        auditFlood: 'в audit.log {{count}} событий с ключом {{keys}} за {{span}} журнала: {{rate}} в минуту ({{share}}% всех событий audit)',
        dataRootWatched: 'правил audit, наблюдающих за корневым каталогом данных или рабочим каталогом Docker с -p {{perms}}: {{count}} ({{paths}})',
        configWatched: 'правил audit, наблюдающих за файлами конфигурации или исполняемыми файлами Docker: {{count}} ({{paths}})',
        // --- s4-mining ---
        auditFloodForwarded: 'в {{source}} {{count, plural, one{# пересланное событие} few{# пересланных события} many{# пересланных событий} other{# пересланного события}}} audit с ключом {{keys}} за {{span}} журнала: {{rate}} в минуту ({{share}}% всех пересланных событий audit)',
      },
      remediation: [
        'Выведите загруженные правила и найдите наблюдение за каталогами Docker.',
        'Осторожно используйте наблюдение audit за каталогами Docker: оно нагружает auditd и диск.',
        'Удалите наблюдение за корневым каталогом данных (или сузьте его до записи и изменения атрибутов нужных файлов) и перезагрузите правила.',
      ],
    },
    'bip-persisted': {
      title: 'Адрес docker0 отличается от заданного --bip (или сохранился старый --bip)',
      explanation: 'dockerd задает адрес docker0 по --bip («bip» в daemon.json или DOCKER_NETWORK_OPTIONS в /etc/sysconfig/docker-network). Без --bip он сохраняет адрес, который у docker0 уже есть: после удаления --bip мост docker0 получает прежний адрес (даже если адрес удалили вручную, а мост остался), и контейнеры продолжают получать адреса из старой подсети. Если заданный bip отличается от адреса docker0, работающий мост не соответствует конфигурации.',
      messages: {
        bridgeRefused: 'dockerd {{count}} раз(а) отказался запускаться: у docker0 остался адрес {{address}}, который не совпадает с заданным bip {{requested}}',
        bipMismatch: 'bip задан как {{bip}} ({{source}}), но у docker0 адрес {{address}}',
        bipDropped: 'параметр --bip убран после запуска dockerd в {{earlierStart}}, но docker0 сохранил {{address}} (в журнале: {{logged}}) вместо стандартного для Docker {{defaultNet}}',
        oldAddressKept: '--bip не задан, но у docker0 адрес {{address}}, а не стандартный для Docker {{defaultNet}}: вероятно, сохранился удаленный --bip',
      },
      remediation: [
        'Чтобы избавиться от старого bip, остановите Docker, удалите мост docker0 (а не только его адрес) и запустите Docker, чтобы он создал docker0 заново.',
        'Или явно задайте нужный адрес через --bip («bip» в daemon.json или DOCKER_NETWORK_OPTIONS) и перезапустите Docker.',
      ],
    },
    'container-id-exists-race': {
      title: '«container with id exists» после принудительного аннулирования containerd во время запуска',
      explanation: 'Если containerd принудительно аннулирован, пока запуск контейнера находится в `runc create` (например, в долгом prestart hook), прежний `runc create` может его пережить. После перезапуска containerd `docker start` завершается сбоем, так как runc (или containerd 1.6) все еще удерживает id, пока первое создание не завершится; длительность hook движок Docker не контролирует. Тот же текст runc появляется и после некорректной перезагрузки, оставившей устаревшее состояние runc: тогда создания в процессе нет, а граница — смена загрузки.',
      messages: {
        raceAfterContainerdKill: 'контейнер {{container}} не запустился («{{error}}») через {{minutes}} мин после аннулирования или перезапуска containerd',
        idExistsNoKillSeen: 'контейнер {{container}} не запустился («{{error}}»); аннулирования или перезапуска containerd перед этим не видно',
        idExistsAfterReboot: 'контейнер {{container}} не запустился («{{error}}») через {{minutes}} мин после начала загрузки {{boot}}; предыдущая загрузка завершилась так: {{verdict}}; это устаревшее состояние среды выполнения, а не аннулирование containerd',
      },
      remediation: [
        'Дождитесь завершения первого `runc create` (и его hook), затем снова запустите контейнер.',
        'Лучше создайте новый контейнер, а не перезапускайте этот.',
        'С containerd 1.6 ошибка сохраняется, пока не завершится устаревший shim: найдите и остановите его.',
      ],
    },
    'daemon-config-invalid': {
      title: 'daemon.json, который dockerd отклоняет',
      explanation: 'dockerd читает /etc/docker/daemon.json при запуске и сразу завершается, ничего больше не сделав, если файл не является корректным JSON, содержит неизвестную директиву, значение неверного типа или директиву, заданную также флагом командной строки (из /etc/sysconfig/docker*, ExecStart юнита или дополнительного файла). Единственный след — одна строка stderr «unable to configure the Docker daemon with file …: <причина>»; systemd повторяет запуск, и повторы упираются в предел запусков. Работающий dockerd файл не перечитывает, поэтому испорченный файл часто проявляется только при следующем перезапуске или перезагрузке.',
      messages: {
        parseError: 'daemon.json не является корректным JSON: {{message}} в строке {{line}}, столбец {{column}}',
        unknownKeys: 'в daemon.json есть директивы, неизвестные dockerd: {{keys}}',
        wrongTypes: 'значения неверного типа в daemon.json: {{keys}}',
        flagAndFile: '{{key}} задан и флагом ({{flagSource}}: {{flagValue}}), и в daemon.json ({{fileValue}}): dockerd отказывается запускаться',
        badLogLevel: 'уровень журналирования «{{level}}» dockerd не принимает',
        refused: '{{count, plural, one{dockerd # раз отклонил свою конфигурацию} few{dockerd # раза отклонил свою конфигурацию} many{dockerd # раз отклонил свою конфигурацию} other{dockerd # раза отклонил свою конфигурацию}}}: {{cause}}',
      },
      remediation: [
        'Проверьте файл перед перезапуском Docker; исправьте указанную строку или удалите неизвестную директиву.',
        'Задавайте каждый параметр только в одном месте: удалите его из daemon.json или из флагов в /etc/sysconfig/docker* / юните (systemctl cat docker).',
        'Затем сбросьте состояние сбоя и запустите Docker.',
      ],
    },
    'daemon-start-timeout': {
      title: 'Истекло время запуска docker.service',
      explanation: 'systemd дает docker.service время TimeoutStartSec (по умолчанию 90 с; openEuler убирает TimeoutStartSec=0) на переход в готовность, затем сообщает, что запуск длится слишком долго, и аннулирует службу. dockerd запускается медленно, когда должен загрузить тысячи созданных или завершивших работу контейнеров, когда devicemapper впервые инициализирует пул или когда хост перегружен; причиной может быть и команда ExecStartPre или короткий TimeoutStartSec. Повторные таймауты упираются в предел запусков.',
      messages: {
        startTimedOut: '{{count, plural, one{время запуска docker.service истекло # раз} few{время запуска docker.service истекло # раза} many{время запуска docker.service истекло # раз} other{время запуска docker.service истекло # раза}}}; вероятная причина: {{cause}}',
        resultTimeout: 'последний сбой docker.service — Result=timeout (строк журнала не найдено)',
      },
      remediation: [
        'Пусть слой оркестрации контейнеров периодически удаляет ненужные контейнеры (завершившие работу и созданные), чтобы dockerd загружал при запуске меньше контейнеров.',
        'Скорректируйте период очистки слоя оркестрации и время запуска службы Docker под время запуска, которое нужно хосту.',
      ],
    },
    'data-root-collision': {
      title: 'Корневой или рабочий каталог демона используется чужими файлами или другим dockerd',
      explanation: 'Корневой каталог данных и рабочий каталог (exec-root) должны использоваться только движком Docker. Повторно используемый каталог, где уже есть `containers`, `hooks` или `tmp`, получает от dockerd новых владельцев и права, а чужие файлы в нем удаляются, неверно читаются или мешают очистке. Два демона на одном корневом каталоге борются за его базы данных: второй dockerd ждет блокировку хранилища томов и завершается ошибкой «error while opening volume store timeout» — блокировку держит работающий демон, база данных не повреждена.',
      messages: {
        foreignEntries: 'записей в корневом каталоге данных {{root}}, созданных не движком Docker: {{count}} ({{names}})',
        foreignExecRoot: 'записей в рабочем каталоге {{root}}, созданных не движком Docker: {{count}} ({{names}})',
        sharedDataRoot: '{{count, plural, one{# процесс dockerd использует} few{# процесса dockerd используют} many{# процессов dockerd используют} other{# процесса dockerd используют}}} один корневой каталог данных {{root}}',
        volumeStoreLocked: '{{count, plural, one{dockerd # раз не смог открыть хранилище томов} few{dockerd # раза не смог открыть хранилище томов} many{dockerd # раз не смог открыть хранилище томов} other{dockerd # раза не смог открыть хранилище томов}}}: его блокировку держит другой dockerd (это не повреждение)',
      },
      remediation: [
        'Дайте каждому dockerd собственные корневой и рабочий каталоги, используемые только движком Docker; перенесите чужие файлы, пока Docker остановлен.',
        'Не изменяйте частные каталоги Docker; если изменение необходимо, обратитесь к группе специалистов по контейнерам.',
        'При таймауте хранилища томов остановите другой dockerd, использующий тот же корневой каталог; не удаляйте metadata.db.',
      ],
    },
    'dataroot-tampered': {
      title: 'Файлы в корневом или рабочем каталоге Docker изменены другими процессами',
      explanation: 'Корневой каталог данных (/var/lib/docker) и рабочий каталог (/run/docker) — частные каталоги Docker: их структура, владельцы и права такие, какие ожидают dockerd, containerd и runc. Файлы, созданные, удаленные, с измененными правами или связанные ссылками другими программами (скриптами, резервным копированием, администраторами), нарушают состояние контейнеров, что позже проявляется сбоями загрузки или запуска. Записи audit называют процесс.',
      messages: {
        logrotate: 'задание logrotate на хосте обрабатывает файлы ({{count}}) в {{roots}} (собственные файлы Docker), например {{path}}',
        tampered: 'изменений в {{roots}} процессами, не относящимися к Docker: {{count}} ({{processes}})',
      },
      remediation: [
        'Не изменяйте файлы в корневом и рабочем каталогах Docker; если изменение необходимо, обратитесь к группе специалистов по контейнерам.',
        'Выясните, кто вносил изменения, и прекратите их.',
      ],
    },
    'devicemapper-loop-lvm': {
      title: 'devicemapper в режиме loop-lvm (без dm.thinpooldev)',
      explanation: 'Без `--storage-opt dm.thinpooldev=…` драйвер devicemapper строит пул thinpool на двух разреженных loop-файлах в <data-root>/devicemapper/devicemapper (loop-lvm). Это медленно, файлы растут, пока не заполнят файловую систему под ними, а отключение питания повреждает пул. Руководство требует режим direct-lvm: пул thinpool на настоящем блочном устройстве, заданный через dm.thinpooldev.',
      messages: {
        loopDevice: 'devicemapper работает в режиме loop-lvm: его файл данных — loop-устройство {{device}}',
        loopLvm: 'devicemapper работает в режиме loop-lvm: его данные в loop-файле {{file}}',
        noThinpoolDev: 'devicemapper настроен без dm.thinpooldev, поэтому dockerd использует loop-lvm',
      },
      remediation: [
        'Используйте direct-lvm: создайте с помощью LVM пул thinpool на выделенном блочном устройстве и передайте его dockerd.',
      ],
    },
    'devicemapper-options': {
      title: 'devicemapper без отложенного удаления или не на ext4',
      explanation: 'С devicemapper занятое тонкое устройство (точка монтирования утекла в другое пространство имен) нельзя удалить сразу. Отложенное удаление (deferred removal и deferred deletion) позволяет ядру закончить работу позже; без него удаление контейнеров завершается ошибкой («device or resource busy»), и устройства накапливаются. Руководство также рекомендует ext4 как файловую систему тонких устройств (dm.fs=ext4); по умолчанию драйвер использует xfs.',
      messages: {
        deferredOff: 'devicemapper работает без {{missing}}',
        notExt4: 'тонкие устройства devicemapper используют {{fs}}, а не ext4',
      },
      remediation: [
        'Включите отложенное удаление (deferred deletion и deferred removal).',
        'Используйте ext4 для тонких устройств (вступает в силу для нового базового устройства).',
      ],
    },
    'devicemapper-thinpool': {
      title: 'Пул thinpool devicemapper почти заполнен',
      explanation: 'Все образы и контейнеры драйвера devicemapper находятся в одном пуле thinpool. Когда место для данных или метаданных заканчивается, запись в контейнерах завершается ошибкой или зависает (queue_if_no_space), dockerd отказывается создавать контейнеры («Thin Pool has N free data blocks which is less than minimum required»), а пул с переполненными метаданными может быть поврежден безвозвратно. Профиль LVM, где thin_pool_autoextend_threshold и thin_pool_autoextend_percent оба равны 100, отключает автоматическое увеличение емкости.',
      messages: {
        infoSpaceLow: 'docker info показывает тонкий пул {{pool}}: доступно {{available}} пространства данных (минимум свободного места {{minimum}}); занято {{dataPercent}}% данных и {{metadataPercent}}% метаданных',
        poolFull: 'пул thinpool {{pool}} заполнен на {{dataPercent}}% по данным и на {{metadataPercent}}% по метаданным',
        lowFreeBlocks: '{{count, plural, one{dockerd # раз отказался создавать устройства} few{dockerd # раза отказался создавать устройства} many{dockerd # раз отказался создавать устройства} other{dockerd # раза отказался создавать устройства}}}: в пуле thinpool слишком мало свободных блоков ({{kind}})',
        autoextendOff: 'профиль LVM пула thinpool отключает автоматическое увеличение емкости (threshold {{threshold}}, percent {{percent}})',
      },
      remediation: [
        'Проверьте заполнение пула и увеличьте пул thinpool (или удалите неиспользуемые образы и контейнеры).',
        'Отключайте автоматическое увеличение емкости, только если не хватает памяти; иначе задайте в docker-thinpool.profile порог ниже 100 и следите за пулом.',
        'Пул, поврежденный из-за нехватки места или отключения питания, восстановить нельзя: скомпонуйте его заново. Никогда не изменяйте метаданные devicemapper вручную.',
      ],
    },
    'devicemapper-uuid-mismatch': {
      title: 'Сбой проверки UUID базового устройства devicemapper',
      explanation: 'При запуске драйвер devicemapper проверяет, что у базового тонкого устройства те же UUID и файловая система, что записаны в devicemapper/metadata/deviceset-metadata. После переключения пространства имен пользователей (у каждого корня <uid>.<gid> свои метаданные) или после повторной компоновки либо увеличения емкости пула thinpool записанный UUID не совпадает, и dockerd отказывается запускаться.',
      messages: {
        uuidMismatch: '{{count, plural, one{dockerd не удалось запустить: проверка UUID базового устройства devicemapper не прошла # раз} few{dockerd не удалось запустить: проверка UUID базового устройства devicemapper не прошла # раза} many{dockerd не удалось запустить: проверка UUID базового устройства devicemapper не прошла # раз} other{dockerd не удалось запустить: проверка UUID базового устройства devicemapper не прошла # раза}}}{{context}}',
      },
      remediation: [
        'Очистите BaseDeviceUUID в файле deviceset-metadata используемого корневого каталога (сначала сохраните копию), затем запустите Docker.',
        'С userns-remap файл находится в /var/lib/docker/<uid>.<gid>/devicemapper/metadata/deviceset-metadata.',
      ],
    },
    'docker-restart-storm': {
      title: 'dockerd повторно аварийно завершается или не запускается',
      explanation: 'dockerd, который несколько раз за час завершается, аннулируется или не запускается, находится в цикле сбоев, даже если предел запусков systemd не срабатывает (предел учитывает только запуски за 10 с в openEuler и за 60 с в upstream). Каждый перезапуск останавливает контейнеры или заново подключается к ним, перезагружает сети и повторяет очистку; настоящая причина обычно видна в первом завершении.',
      messages: {
        storm: '{{daemon}} внепланово останавливался {{count, plural, one{# раз} few{# раза} many{# раз} other{# раза}}} подряд за {{minutes}} мин ({{first}} … {{last}}); причины: {{causes}}',
        restartCounter: 'systemd перезапускал docker.service {{restarts, plural, one{# раз} few{# раза} many{# раз} other{# раза}}} (NRestarts) в текущем цикле работы',
      },
      remediation: [
        'Устраните первую указанную причину (см. связанную проблему): повторные перезапуски ее не устраняют.',
        'Прочитайте полный журнал вокруг первого сбоя.',
      ],
    },
    'duplicate-network-names': {
      title: 'Несколько сетей Docker с одним именем',
      explanation: 'docker network create проверяет имя, а затем записывает сеть; параллельные создания с одним именем могут пройти проверку одновременно, и появится несколько сетей с одним именем. Сети Docker отличаются идентификаторами, поэтому дубликаты работают, но любая команда, указывающая сеть по имени (inspect, rm, connect, run --network), завершается ошибкой «network <name> is ambiguous».',
      messages: {
        duplicates: 'имен сетей, используемых более чем одной сетью: {{count}} ({{names}})',
        ambiguous: 'dockerd отклонил запросов: {{count}}, так как имя сети {{name}} неоднозначно (совпадений: {{matches}})',
      },
      remediation: [
        'Обращайтесь к сетям по идентификатору, а не по имени: выведите идентификаторы, оставьте используемую сеть и удалите остальные дубликаты по идентификатору.',
        'Создавайте сети последовательно в скриптах и оркестрации (создать один раз, затем искать сеть по идентификатору).',
      ],
    },
    'firewalld-restart': {
      title: 'firewalld (пере)запущен после dockerd и удалил его цепочки iptables',
      explanation: 'При запуске или перезагрузке firewalld сбрасывает правила iptables и удаляет цепочки, которыми не управляет, в том числе цепочки Docker DOCKER и DOCKER-ISOLATION и правила DNAT опубликованных портов. dockerd создает их только при собственном запуске, поэтому после (пере)запуска firewalld опубликованные порты перестают отвечать, а новые контейнеры с -p не создаются с ошибкой «iptables: No chain/target/match by that name.»; перезапуск firewalld во время запуска dockerd приводит к сбою запуска службы Docker.',
      messages: {
        appendsFailed: 'firewalld не смог добавить правила ({{count}}) в цепочки Docker {{chains}} («No chain/target/match by that name»): цепочки были удалены, последний раз в {{time}}',
        chainsMissing: 'dockerd работает с включенным iptables, но отсутствуют {{missing}}: правил сопоставления портов и изоляции нет{{fwNote}}',
        programmingFailed: 'сбоев запуска контейнеров: {{count}} — «driver failed programming external connectivity (iptables: No chain/target/match by that name)», последний на конечной точке {{endpoint}}',
        firewalldAfterDockerd: 'firewalld: {{what}} в {{time}}, после того как dockerd настроил свои правила iptables, и с тех пор dockerd не перезапускался',
      },
      remediation: [
        'Перезапускайте службу Docker после запуска или перезапуска firewalld, чтобы dockerd заново создал свои цепочки и сопоставления портов.',
        'Упорядочите юниты так, чтобы docker запускался после firewalld (в upstream docker.service есть After=firewalld.service).',
      ],
    },
    'graph-deprecated': {
      title: 'Корневой каталог задан устаревшим параметром --graph / -g / «graph»',
      explanation: '`--graph` / `-g` (и ключ `graph` в daemon.json) отмечены как устаревшие в Docker 17.05 и заменены на `--data-root`. Docker 18.09 еще принимает их с предупреждением, 23.0 отказывается запускаться с параметром graph, а в 24.0 они удалены. Руководство добавляет, что корневой каталог должен использоваться только движком Docker: повторно используемый каталог, где уже есть `containers`, `hooks` или `tmp`, может получить новых владельцев и права.',
      messages: {
        graphConfigured: '{{where}} задает корневой каталог устаревшим параметром {{option}} ({{value}}); используйте data-root / --data-root',
        graphFatal: 'dockerd отказался запускаться: параметр «graph» больше не принимается (Docker 23.0+); используйте «data-root»',
        graphWarned: 'dockerd {{count, plural, one{# раз} few{# раза} many{# раз} other{# раза}}} предупредил, что используется устаревший параметр graph',
      },
      remediation: [
        'Замените параметр на data-root («data-root» в daemon.json или --data-root), указав каталог, используемый только движком Docker.',
      ],
    },
    'icc-icmp-exception': {
      title: 'icc=false обходится правилом ACCEPT для ICMP перед DROP от Docker',
      explanation: 'С --icc=false (или `"icc": false`) Docker ограничивает связь между контейнерами одного моста, добавляя «-A FORWARD -i docker0 -o docker0 -j DROP». iptables останавливается на первом подходящем правиле, поэтому правило хоста, принимающее ICMP раньше в FORWARD (или в DOCKER-USER, куда FORWARD переходит сначала), пропускает ping между контейнерами, а TCP и UDP по-прежнему отбрасываются: ping проходит, соединения не устанавливаются.',
      messages: {
        icmpBeforeDrop: 'icc=false, но FORWARD принимает ICMP ({{icmpRule}}) до DROP от Docker для {{bridge}}: ping между контейнерами проходит, TCP/UDP — нет',
      },
      remediation: [
        'Прежде чем использовать --icc=false, сбросьте правила iptables хоста, стоящие перед правилами Docker (или удалите правило ACCEPT для ICMP), затем перезапустите Docker, чтобы он заново создал свои правила по порядку.',
        'Если контейнеры должны связываться друг с другом, используйте пользовательскую сеть или --link, а не ICMP.',
      ],
    },
    'journald-restart': {
      title: 'journald перезапущен при работающем dockerd: потеря журналов или сбой по SIGPIPE',
      explanation: 'dockerd пишет журнал в stdout/stderr, которые systemd подключает к journald через потоковый сокет. journald сохраняет эти потоки при обычном перезапуске или аннулировании (fd store), но после «systemctl stop systemd-journald» и последующего запуска поток потерян: dockerd продолжает работать и обслуживать контейнеры, но ничего из его журнала не попадает в journal до перезапуска Docker. Старые версии Docker без обработки SIGPIPE вместо этого аварийно завершались на разорванном потоке (аннулирование сигналом SIGPIPE).',
      messages: {
        sigpipeCrash: 'dockerd аннулирован сигналом SIGPIPE ({{detail}}) после перезапуска systemd-journald в {{restartTime}}',
        sigpipeKilled: 'dockerd аннулирован сигналом SIGPIPE ({{detail}}): разорван его поток журнала в journald, как бывает при перезапуске journald (самого перезапуска в собранных данных нет)',
        dockerdSilent: 'systemd-journald перезапущен в {{restartTime}} при работающем dockerd; с тех пор dockerd ничего не записал в журнал (событий Docker из других источников: {{activity}}) и не перезапускался',
        dockerdQuiet: 'systemd-journald перезапущен в {{restartTime}} при работающем dockerd; с тех пор dockerd ничего не записал в журнал и не перезапускался (простаивает или потерял поток журнала)',
        logsLost: 'systemd-journald перезапущен в {{restartTime}} при работающем dockerd; dockerd ничего не записывал в журнал до своего перезапуска в {{dockerRestart}}, хотя Docker был активен (событий: {{activity}}): эти журналы потеряны',
      },
      remediation: [
        'Прочитайте, что dockerd записал в журнал после перезапуска journald (время в UTC).',
        'Перезапускайте демон Docker после перезапуска journald или перехода его в некорректное состояние, чтобы dockerd получил новый поток журнала.',
        'Перезапускайте journald командой «systemctl restart systemd-journald», а не остановкой и запуском: перезапуск сохраняет потоки журналов служб.',
      ],
    },
    'known-defect': {
      title: 'В установленной версии есть известный дефект или уязвимость',
      explanation: 'Установленная версия движка, containerd или runc попадает в затронутый диапазон известного дефекта или бюллетеня безопасности (docs/known-defects.md). Диапазоны сравниваются по правилам каждой пакетной системы: rpm epoch:version-release с тегами дистрибутива openEuler, dpkg и Go/semver для версий, которые выводит `docker version`. Диапазон самого пакета дистрибутива важнее версии upstream, которую он сообщает, потому что дистрибутивы переносят исправления, не меняя эту версию.',
      messages: {
        affected: '{{title}} ({{entry}}): установлен {{package}} {{installed}}, исправлено в {{fixed}}',
        affectedNoFix: '{{title}} ({{entry}}): установлен {{package}} {{installed}}, исправленная версия не указана',
      },
      remediation: [
        'Обновите указанный пакет до исправленной версии или новее, затем перезапустите демон (и контейнеры, если бюллетень говорит, что работающие контейнеры остаются уязвимыми).',
      ],
    },
    'nproc-limit': {
      title: 'Ограничения числа процессов (nproc, pid_max, TasksMax) для контейнеров',
      explanation: 'Linux учитывает каждый поток в ограничении числа процессов пользователя (RLIMIT_NPROC) и в kernel.pid_max. Системы семейства RHEL, включая openEuler, поставляют /etc/security/limits.d/20-nproc.conf с «* soft nproc 4096»; собранные из них образы содержат тот же файл, поэтому его получают и контейнеры, где выполняется вход пользователя (su, sshd, оболочки входа). pam_limits не действует на dockerd, запущенный systemd: для него и запущенных им контейнеров действуют LimitNPROC и TasksMax службы docker.service. kernel.pid_max равен 32768 на старых ядрах, если systemd ≥ v243 его не увеличил. При достижении предела создание процессов и потоков завершается ошибкой EAGAIN («resource temporarily unavailable»).',
      messages: {
        forkFailed: 'сбоев создания процессов или потоков с EAGAIN («resource temporarily unavailable»): {{count}}{{limitNote}}',
        nearLimit: '{{what}}: используется {{used}} из {{limit}} ({{percent}}%)',
        nprocCapped: 'nproc ограничен значением {{value}} для {{domain}} ({{file}}); pam_limits не действует на dockerd, запущенный systemd (LimitNPROC={{unitLimit}})',
      },
      remediation: [
        'Увеличьте ограничение nproc со значения 4096 (максимум — kernel.pid_max) в /etc/security/limits.d/20-nproc.conf на хосте и в образах, которые содержат этот файл.',
        'Для dockerd и его контейнеров задайте LimitNPROC и TasksMax в дополнительном файле docker.service (pam_limits не действует на службы), затем перечитайте конфигурацию systemd и перезапустите службу.',
        'Увеличьте kernel.pid_max, если на хосте работает много процессов.',
      ],
    },
    'overlay2-copyup-space': {
      title: 'В файловой системе корневого каталога нет места или индексных дескрипторов (сбой Copy-UP overlay2)',
      explanation: 'overlay2 копирует файл из слоя образа в слой контейнера при первой записи в него (Copy-UP), поэтому изменение файла, который больше свободного места, завершается ошибкой даже при небольшом изменении; каждому новому файлу нужен и индексный дескриптор (inode). Заполненная файловая система корневого каталога останавливает загрузку образов, создание контейнеров и запись в контейнерах с ошибками ENOSPC.',
      messages: {
        diskFull: 'файловая система корневого каталога {{mountedOn}} ({{filesystem}}) заполнена на {{usePercent}}%, свободно {{avail}}',
        inodesFull: 'в файловой системе корневого каталога {{mountedOn}} ({{filesystem}}) использовано {{inodesUsePercent}}% индексных дескрипторов ({{inodesUsed}} из {{inodes}})',
        noSpaceErrors: 'ошибок ENOSPC (нет места) от docker/containerd: {{count}}; сейчас файловая система корневого каталога в порядке ({{state}})',
      },
      remediation: [
        'Освободите место в корневом каталоге: удалите остановленные контейнеры, неиспользуемые образы и кэш сборки.',
        'Проверьте, что занимает место и индексные дескрипторы в файловой системе корневого каталога.',
        'Держите большие файлы, которые изменяют контейнеры, в томах, а не в слоях образа (Copy-UP копирует файл целиком).',
      ],
    },
    'overlay2-mount-shadow': {
      title: 'Файловая система смонтирована на каталог overlay2 корневого каталога',
      explanation: 'overlay2 хранит все слои образов и контейнеров в <data-root>/overlay2. Файловая система, смонтированная на этот каталог, перезаписывает их точкой монтирования: уже работающие контейнеры сохраняют свои точки монтирования и работают дальше, но новые слои попадают не в ту файловую систему, а удаление контейнера завершается ошибкой `driver "overlay2" failed to remove root filesystem … invalid argument`.',
      messages: {
        mountShadow: '{{source}} ({{fsType}}) смонтирован на {{path}} и перезаписывает слои контейнеров под ним',
        removeFailed: 'сбоев удаления контейнеров с «invalid argument» при overlay2: {{count}}; обычная причина — точка монтирования на каталоге overlay2',
      },
      remediation: [
        'Проверьте драйвер хранилища и найдите точки монтирования на каталоге overlay2.',
        'Отмонтируйте точки монтирования снизу вверх, затем перезапустите или удалите все контейнеры и перезапустите Docker.',
        'Или выполните миграцию служб и перезапустите узел.',
      ],
    },
    'overlay2-redirect-dir': {
      title: 'redirect_dir в overlayfs выключен: переименование каталогов завершается ошибкой EXDEV',
      explanation: 'В overlayfs вызов rename(2) для каталога из нижнего слоя (слоя образа) возвращает EXDEV, если ядру не разрешено записывать перенаправление (`/sys/module/overlay/parameters/redirect_dir` = Y, ядро 4.10+). Программы, которые не переходят на копирование с удалением, завершаются ошибкой «Invalid cross-device link». Без таких сбоев этот параметр — лишь мера предосторожности.',
      messages: {
        renameFailures: 'redirect_dir равен N, и в журнале есть сбои переименования с EXDEV / «Invalid cross-device link»: {{count}}',
        redirectDirOff: 'redirect_dir в overlayfs равен N: переименование каталогов из слоев образа внутри контейнеров завершается ошибкой EXDEV',
      },
      remediation: [
        'Установите для redirect_dir значение Y.',
        'Сохраните его после перезагрузки параметром модуля, затем перезапустите затронутые контейнеры.',
      ],
    },
    'overlay2-unsupported': {
      title: 'overlay2 на неподдерживаемом ядре или файловой системе',
      explanation: 'overlay2 требует ядро 4.0 или новее и поддерживающую его файловую систему; рекомендуется ext4, xfs работает только при форматировании с ftype=1 (поддержка d_type). На других файловых системах или без d_type dockerd отклоняет overlay2 либо слои работают некорректно (файлы исчезают, переименование и удаление завершаются ошибкой). `overlay2.override_kernel_check` лишь пропускает проверку ядра и не делает старое ядро безопасным.',
      messages: {
        oldKernel: 'overlay2 работает на ядре {{kernel}}; нужно 4.0 или новее',
        noDtype: 'файловая система под overlay2 ({{fs}}) не поддерживает d_type (xfs без ftype=1)',
        badBackingFs: 'overlay2 работает поверх {{fs}}; поддерживаются только ext4 (рекомендуется) и xfs с ftype=1',
        kernelCheckOverridden: 'задан overlay2.override_kernel_check: dockerd не проверяет ядро ({{kernel}})',
        refused: 'dockerd отклонил overlay2: {{reason}}',
      },
      remediation: [
        'Используйте ядро 4.0 или новее и разместите корневой каталог на ext4 (или на xfs, отформатированной с ftype=1).',
        'Настройте драйвер в daemon.json или в /etc/sysconfig/docker-storage.',
      ],
    },
    'package-conflict': {
      title: 'docker-engine установлен вместе с пакетами containerd, runc или podman',
      explanation: 'RPM-пакет docker-engine в openEuler содержит containerd, runc и клиент docker (docker-containerd, docker-runc). Отдельные пакеты containerd, runc или podman рядом с ним заменяют или перекрывают эти исполняемые файлы и юниты, и движок может работать со средой выполнения, с которой его не собирали и не тестировали. Руководство запрещает устанавливать их вместе.',
      messages: {
        coInstalled: 'docker-engine {{engine}} установлен вместе с {{others}}',
      },
      remediation: [
        'Не устанавливайте docker-engine вместе с отдельными пакетами containerd, runc или podman: удалите лишние пакеты (сначала убедитесь, что они больше ничему не нужны).',
      ],
    },
    'power-off-db-loss': {
      title: 'Состояние Docker потеряно после некорректного завершения работы',
      explanation: 'Состояние демона может не попасть на диск до отключения питания: контейнер, созданный непосредственно перед этим, может не отображаться в `docker ps -a`, а недописанные файлы не загружаются. Кроме того, openEuler docker-engine удаляет свои файлы БД (сети, тома, кэш сборки, метаданные containerd) при первом запуске после каждой загрузки, а при последующих — любую БД меньше 8 КиБ, если до dockerd не дошло DISABLE_CRASH_FILES_DELETE=true; каталог контейнера, конфигурация которого не загружается, он удаляет (патч 0020), и контейнер исчезает.',
      messages: {
        stateLost: 'После события «{{trigger}}» Docker потерял состояние: {{lost}}',
        stateDamaged: 'Файлы состояния Docker повреждены ({{lost}}); некорректного завершения работы не обнаружено',
      },
      remediation: [
        'Чтобы восстановить состояние вручную, сначала запретите удаление файлов БД при следующем запуске: установите для dockerd переменную среды DISABLE_CRASH_FILES_DELETE=true.',
        'Усеченный local-kv.db не дает dockerd запуститься («file size too small»): перенесите его, чтобы dockerd создал файл заново (пользовательские сети затем придется создать заново).',
        'Пул thinpool, поврежденный отключением питания, восстановить нельзя: скомпонуйте его заново.',
        'Создайте заново потерянные контейнеры, сети и тома по их описаниям; данные томов в volumes/<name>/_data сохраняются.',
      ],
    },
    'seccomp-performance': {
      title: 'Фильтрация seccomp на хосте с большой сетевой нагрузкой',
      explanation: 'При включенной функции seccomp (профиль Docker по умолчанию) каждый системный вызов процесса контейнера проходит фильтр seccomp: ядро идет путем трассировки (tracesys) вместо быстрого пути. Для нагрузок с большим числом системных вызовов (много мелких сетевых чтений и записей) это заметно расходует процессор. Это функция безопасности: отключайте ее только для контейнеров, которым нужна производительность, понимая, что это убирает уровень защиты.',
      messages: {
        seccompNetworkHeavy: 'seccomp включен ({{profile}}), а хост выглядит сетево нагруженным ({{reason}}): фильтрация системных вызовов расходует процессор',
      },
      remediation: [
        'Если сетевой контейнер упирается в процессор на системных вызовах и модель угроз это допускает, запускайте этот контейнер без фильтра seccomp.',
        'По возможности используйте собственный, более узкий профиль вместо unconfined.',
      ],
    },
    'semaphore-leak': {
      title: 'Остаточные семафоры udev cookie драйвера devicemapper',
      explanation: 'libdevmapper создает по одному семафору SysV (ключ 0x0D4D<<16 | random) на каждую операцию, синхронизированную с udev, и удаляет его, когда udev завершает операцию. Если dockerd принудительно аннулирован в промежутке, семафор остается: максимум один за одно аннулирование. Остаточные семафоры накапливаются до SEMMNI — четвертого значения kernel.sem; после этого каждая операция devicemapper завершается ошибкой «dm_task_set_cookie failed», и демон Docker невозможно запустить.',
      messages: {
        limitReached: 'используется {{used}} из {{limit}} наборов семафоров (SEMMNI); остаточных udev cookie devicemapper среди них: {{leaked}}',
        leakedCookies: 'остаточных семафоров udev cookie devicemapper: {{leaked}} (используется {{used}} из {{limit}} наборов)',
        leakedCookiesNoLimit: 'остаточных семафоров udev cookie devicemapper: {{leaked}} (SEMMNI неизвестен)',
        cookieFailures: '{{count, plural, one{dockerd # раз не смог создать udev cookie devicemapper} few{dockerd # раза не смог создать udev cookie devicemapper} many{dockerd # раз не смог создать udev cookie devicemapper} other{dockerd # раза не смог создать udev cookie devicemapper}}}: вероятно, достигнуто верхнее предельное значение семафоров',
      },
      remediation: [
        'Проверьте наличие остаточных семафоров и cookie и верхнее предельное значение (четвертое значение kernel.sem = SEMMNI).',
        'Если количество остаточных семафоров совпадает с четвертым значением, либо увеличьте верхнее предельное значение…',
        '…либо сбросьте остаточные семафоры devicemapper старше одной минуты (команда запросит подтверждение и пропустит более новые).',
      ],
    },
    'start-limit-hit': {
      title: 'systemd отклонил запуск docker.service по пределу запусков',
      explanation: 'systemd отклоняет дальнейшие запуски юнита, который запускали чаще, чем позволяет предел за интервал (openEuler docker-engine убирает StartLimitBurst/StartLimitInterval, поэтому действует значение systemd по умолчанию — 5 запусков за 10 с; в upstream — 3 за 60 с). Само срабатывание предела — следствие: настоящую причину несут предшествующие неудачные запуски.',
      messages: {
        startLimitHit: 'systemd отклонил запуск docker.service {{hits, plural, one{# раз} few{# раза} many{# раз} other{# раза}}} (достигнут предел запусков) после неудачных запусков: {{failedStarts}}; первая причина: {{cause}}',
        startLimitState: 'docker.service в состоянии {{state}} (Result={{result}}): достигнут предел запусков',
        restartedTooOften: 'systemd отклонил запуск docker.service {{hits, plural, one{# раз} few{# раза} many{# раз} other{# раза}}}: перед отказом его запускали {{starts, plural, one{# раз} few{# раза} many{# раз} other{# раза}}} за {{seconds}} с, больше, чем позволяет предел',
      },
      remediation: [
        'Сначала устраните причину неудачных запусков (см. связанную проблему и первый неудачный запуск ниже).',
        'Дождитесь следующего десятисекундного периода, затем перезапустите Docker.',
        'Или сбросьте состояние сбоя, чтобы systemd сразу принял запуск.',
      ],
    },
    'umask-setting': {
      title: 'umask контейнеров (exec-opt native.umask, openEuler)',
      explanation: 'docker-engine в openEuler задает umask процессов контейнера и exec по exec-opt native.umask: «secure» (по умолчанию) — 0027, «normal» — 0022. При 0027 файлы и каталоги, создаваемые процессами контейнера (в том числе на точках bind-монтирования и томах), не получают прав для других групп, что ломает образы и вспомогательные контейнеры, рассчитанные на 0022. umask, заданный для контейнера, важнее значения демона. Любое другое значение отклоняется, и dockerd не запускается.',
      messages: {
        umaskSet: 'native.umask={{value}}: процессы контейнеров работают с umask {{umask}}',
        umaskDefault: 'openEuler docker-engine без native.umask: процессы контейнеров работают с umask 0027 (secure, по умолчанию)',
        umaskInvalid: 'native.umask={{value}} не поддерживается (только normal или secure): dockerd отказывается запускаться',
      },
      remediation: [
        'Если контейнеры должны создавать файлы, доступные другим (umask 0022), задайте exec-opt normal и перезапустите Docker.',
        'Используйте только значения normal (0022) или secure (0027).',
      ],
    },
    'userland-proxy-load': {
      title: 'Много процессов docker-proxy (userland-proxy)',
      explanation: 'При включенном userland-proxy (по умолчанию) Docker запускает по процессу docker-proxy на каждый опубликованный порт и семейство адресов, даже если трафик уже перенаправляет DNAT в iptables. Каждый из них — отдельный процесс Go с памятью, файловыми дескрипторами и PID, а проксируемые им соединения копируются в пространстве пользователя. Свыше 100 процессов эта нагрузка заметна; сопоставляйте только необходимые порты.',
      messages: {
        manyProxies: 'работает процессов docker-proxy: {{count}} (userland-proxy {{proxySetting}}); свыше {{threshold}} они нагружают хост',
        someProxies: 'процессов docker-proxy для опубликованных портов: {{count}} (userland-proxy {{proxySetting}})',
        manyPorts: 'сопоставлений опубликованных портов у работающих контейнеров: {{count}}, userland-proxy — {{proxySetting}} (списка процессов для подсчета docker-proxy нет)',
      },
      remediation: [
        'Сопоставляйте только необходимые порты: каждое сопоставление -p запускает процесс docker-proxy.',
        'Если hairpin NAT и доступ через localhost работают без него, отключите прокси (`"userland-proxy": false` в daemon.json) и перезапустите Docker.',
      ],
    },
    'veth-leak': {
      title: 'Остаточные интерфейсы veth после аннулирования dockerd',
      explanation: 'В режиме мостовой сети Docker сначала создает на хосте пару veth и лишь потом сохраняет конечную точку в своей базе данных. Если dockerd принудительно аннулирован в промежутке (SIGKILL, сбой, отключение питания), следующий запуск не знает об этой паре и не удаляет ее: ресурсы NIC остаются на хосте, часто с обоими концами в пространстве имен хоста, подключенные к docker0 или мосту br-. В docker.service openEuler нет Restart=, поэтому dockerd остается остановленным до ручного перезапуска.',
      messages: {
        orphanPairs: 'интерфейсов veth с обоими концами на хосте и без контейнера: {{count}} ({{names}})',
        excessEndpoints: 'конечных точек veth Docker на мостах Docker: {{count}}, а работающих контейнеров только {{running}} ({{names}})',
      },
      remediation: [
        'Убедитесь, что интерфейсы не использует ни один контейнер (docker ps, docker network inspect), затем удалите каждую остаточную пару; удаление одного конца удаляет и второй.',
        'Перезапускайте Docker после аннулирования, чтобы он очистил известные ему конечные точки («Removing stale sandbox/endpoint»).',
      ],
    },
  },

  // --- s4-runtime ---
  // Тексты, которые правила составляют во время работы (confidenceReason, ctx.insufficient), по английскому тексту: runtime-text.ts.
  runtime: {
    'counted over the audit records forwarded into {{log}} from {{from}} to {{to}}': 'подсчитано по записям audit, пересланным в {{log}}, с {{from}} по {{to}}',
    'needs {{artifacts}}': 'нужны: {{artifacts}}',
    'the rule is loaded; the audit records forwarded into {{log}} show {{count}} keyed events ({{rate}} per minute), below the flood threshold': 'правило загружено; в записях audit, пересланных в {{log}}, событий с ключом: {{count}} ({{rate}} в минуту), ниже порога лавины',
    'counted over audit.log from {{from}} to {{to}}':
      'подсчитано по audit.log с {{from}} по {{to}}',
    'the rule is loaded; audit.log shows {{count}} keyed events ({{rate}} per minute), below the flood threshold':
      'правило загружено; в audit.log {{count, plural, one{# событие} few{# события} many{# событий} other{# события}}} с этим ключом ({{rate}} в минуту), ниже порога лавины записей',
    'the rule is loaded or configured; audit.log was not available to measure the volume':
      'правило загружено или настроено; audit.log не собран, поэтому объем записей не измерить',
    'low-volume watches on files that rarely change':
      'наблюдение за редко меняющимися файлами дает мало записей',
    'dockerd logged the mismatch when it refused to start':
      'dockerd записал в журнал это расхождение, когда отказался запускаться',
    'the configured value and the ip addr output disagree':
      'настроенное значение расходится с выводом «ip addr»',
    'no docker0 address and no default-bridge log line from dockerd':
      'нет ни адреса docker0, ни строки dockerd о мосте по умолчанию («Default bridge»)',
    'an earlier dockerd start came up without the "Default bridge" line (so with --bip), the last one logs it with the old subnet':
      'более ранний запуск dockerd прошел без строки «Default bridge» (значит, с --bip), а последний записывает ее со старой подсетью',
    'no bip in any configuration source; dockerd also picks another pool when 172.17.0.0/16 overlaps a host route':
      'параметр bip не задан ни в одном источнике конфигурации; dockerd выбирает другой пул и тогда, когда 172.17.0.0/16 пересекается с маршрутом хоста',
    'the failure follows containerd going away ({{how}}) in the same boot':
      'сбой следует за остановкой containerd («{{how}}») в той же загрузке',
    'the failure comes right after an unclean reboot, with no containerd kill: runc/containerd state from before the reboot was left behind':
      'сбой произошел сразу после некорректной перезагрузки, без аннулирования containerd: осталось состояние runc/containerd, созданное до перезагрузки',
    'the failure comes right after a reboot, with no containerd kill: state under /run survived a warm reboot or was restored':
      'сбой произошел сразу после перезагрузки, без аннулирования containerd: состояние в /run пережило «теплую» перезагрузку или было восстановлено',
    'no containerd kill or restart in the 15 minutes before; stale runc state after an unclean reboot gives the same text':
      'за 15 минут до этого containerd не аннулировался и не перезапускался; тот же текст дает устаревшее состояние runc после некорректной перезагрузки',
    'dockerd refused to start with this file and did not start successfully afterwards':
      'dockerd отказался запускаться с этим файлом и после этого ни разу не запустился успешно',
    'dockerd refused this configuration earlier but started successfully later':
      'ранее dockerd отказался работать с этой конфигурацией, но позже запустился успешно',
    'the file is broken; the journal shows no failed start yet (dockerd reads it at its next start)':
      'файл поврежден; в журнале пока нет неудачного запуска (dockerd прочитает файл при следующем запуске)',
    'logrus accepts only trace, debug, info, warn, error, fatal and panic':
      'logrus принимает только значения «trace», «debug», «info», «warn», «error», «fatal» и «panic»',
    'dockerd logged the refusal and no successful start follows it':
      'dockerd записал отказ в журнал, и успешного запуска после него нет',
    'dockerd logged the refusal but started successfully later: the configuration was fixed since':
      'dockerd записал отказ в журнал, но позже запустился успешно: конфигурацию с тех пор исправили',
    'systemctl show reports Result=timeout':
      '«systemctl show» сообщает Result=timeout',
    'systemctl status reports Result: timeout':
      '«systemctl status» сообщает «Result: timeout»',
    'systemd logged the timeout and the bundle shows a reason':
      'systemd записал истечение времени запуска, и в архиве видна причина',
    'systemd logged the timeout; the bundle does not show why dockerd was slow':
      'systemd записал истечение времени запуска; по архиву не видно, почему dockerd запускался медленно',
    'from the data-root listing (cut short: there may be more)':
      'по списку содержимого корневого каталога данных (список обрезан: их может быть больше)',
    'from the data-root listing':
      'по списку содержимого корневого каталога данных',
    'names not in the list of what dockerd, containerd and runc create there':
      'этих имен нет среди того, что там создают dockerd, containerd и runc',
    'the process list shows the daemons and their data-root options':
      'список процессов показывает демоны и их параметры data-root',
    'the timeout means another process held the flock on volumes/metadata.db; the process list does not show it any more':
      'истечение времени означает, что блокировку flock на volumes/metadata.db держал другой процесс; в списке процессов его уже нет',
    'logrotate\'s own error names the file; whether it changed files (copytruncate, rename) is not in the logs':
      'ошибка самого logrotate называет файл; изменял ли он файлы (copytruncate, переименование), в журналах не видно',
    'audit.log was not collected: only logrotate\'s errors in the logs were looked at':
      'audit.log не собран: проверены только ошибки logrotate в журналах',
    'audit records name the process and the path':
      'записи audit называют процесс и путь',
    'docker info lists the loop file':
      'docker info показывает loop-файл',
    'docker info names a loop device as the data file':
      'docker info называет файлом данных loop-устройство',
    'docker info names a regular file as the data file (docker before 1.5 printed the loop file there)':
      'docker info называет файлом данных обычный файл (Docker до версии 1.5 выводил там loop-файл)',
    'from the configuration; docker info (which names the loop file) was not available':
      'по конфигурации; вывод docker info (где указан loop-файл) недоступен',
    'docker info reports the deferred settings':
      'docker info сообщает значения параметров deferred',
    'from the storage-opts; docker info was not available':
      'по параметрам storage-opts; вывод docker info недоступен',
    'dm.fs is set in the configuration':
      'dm.fs задан в конфигурации',
    'docker info reports the backing filesystem':
      'docker info сообщает базовую файловую систему',
    'dmsetup status of the pool':
      'вывод «dmsetup status» для пула',
    'docker info\'s space lines of the pool':
      'строки docker info о пространстве пула',
    'dockerd logged the refusal; the pool has room now (space freed since?)':
      'dockerd записал отказ в журнал; сейчас в пуле есть место (с тех пор освободили?)',
    'dockerd logged the refusal':
      'dockerd записал отказ в журнал',
    'read from the LVM profile':
      'прочитано из профиля LVM',
    'dockerd logged the verification failure':
      'dockerd записал в журнал сбой проверки',
    'each start and each unplanned exit is in the journal (counted per run, not per line)':
      'каждый запуск и каждый незапланированный выход есть в журнале (подсчет по запускам, а не по строкам)',
    'systemd counted the automatic restarts; the journal does not show them (rotated or not collected)':
      'автоматические перезапуски подсчитал systemd; в журнале их не видно (журнал ротирован или не собран)',
    'docker network ls listed no networks (not collected, or the daemon was down)':
      '«docker network ls» не показал ни одной сети (не собрано или демон не работал)',
    'docker network ls lists the same name with different IDs':
      '«docker network ls» показывает одно и то же имя с разными идентификаторами',
    'dockerd logged the ambiguity error':
      'dockerd записал в журнал ошибку неоднозначности',
    '; seen in the logs only: {{artifacts}} would confirm it':
      '; видно только в журналах: подтвердить можно по {{artifacts}}',
    '; the logs show {{events}}':
      '; в журналах есть {{events}}',
    'the chains are missing and firewalld started after dockerd':
      'цепочек нет, и firewalld запустился после dockerd',
    'the chains are missing while dockerd runs with iptables enabled; what removed them is not in the logs (firewalld, iptables -F/-X, a firewall script)':
      'цепочек нет, хотя dockerd работает с включенным iptables; что их удалило, в журналах не видно (firewalld, iptables -F/-X, сценарий межсетевого экрана)',
    'dockerd restarted after the last failure, which re-creates the chains':
      'после последнего сбоя dockerd перезапустился, а это заново создает цепочки',
    'no dockerd restart followed the failures':
      'после сбоев dockerd не перезапускался',
    'dockerd restarted after the last refused append, which re-creates the chains':
      'после последнего отклоненного добавления правила dockerd перезапустился, а это заново создает цепочки',
    'firewalld reported the chain missing when docker added to it':
      'firewalld сообщил об отсутствии цепочки, когда Docker добавлял в нее правило',
    'firewalld started after dockerd, though docker\'s chains are present (firewalld may have been configured for docker)':
      'firewalld запустился после dockerd, хотя цепочки Docker на месте (возможно, firewalld настроен для работы с Docker)',
    'firewalld started after dockerd; the iptables state was not collected':
      'firewalld запустился после dockerd; состояние iptables не собрано',
    'dockerd could not program its NAT chain; the cause is not in the logs':
      'dockerd не смог настроить свою цепочку NAT; причины в журналах нет',
    'dockerd logged the fatal deprecation error':
      'dockerd записал в журнал фатальную ошибку об устаревшем параметре',
    'the option is in the configuration as collected':
      'параметр есть в собранной конфигурации',
    'the option is in the effective configuration':
      'параметр есть в действующей конфигурации',
    'dockerd logged the deprecation warning; the configuration that sets it was not collected':
      'dockerd записал в журнал предупреждение об устаревшем параметре; конфигурация, где он задан, не собрана',
    'icc=false is set but the filter table was not collected':
      'задан icc=false, но таблица «filter» не собрана',
    'the rule order in iptables-save shows the ICMP accept ahead of the inter-container DROP':
      'порядок правил в iptables-save показывает, что ACCEPT для ICMP стоит перед DROP между контейнерами',
    'systemctl status shows the SIGPIPE kill; the journald restart that causes it is not in the collected logs':
      '«systemctl status» показывает аннулирование сигналом SIGPIPE; перезапуска journald, который его вызывает, в собранных журналах нет',
    'systemd recorded the SIGPIPE kill after the journald restart':
      'systemd зафиксировал аннулирование сигналом SIGPIPE после перезапуска journald',
    'too many dockerd lines to tell whether dockerd logged after the journald restart':
      'строк dockerd слишком много, чтобы определить, писал ли dockerd в журнал после перезапуска journald',
    'docker mounts/ports changed during the window, yet no dockerd line was logged until the restart':
      'за этот период точки монтирования и порты Docker менялись, но до перезапуска от dockerd не было ни одной строки',
    'docker mounts/ports changed after the journald restart, yet dockerd logged nothing':
      'после перезапуска journald точки монтирования и порты Docker менялись, но dockerd ничего не записал',
    'dockerd may simply have been idle; nothing else shows docker activity after the restart':
      'возможно, dockerd просто бездействовал; ничто другое не показывает активности Docker после перезапуска',
    'neither a package list nor docker version output could be parsed':
      'не удалось разобрать ни список пакетов, ни вывод «docker version»',
    '{{via}} shows {{package}} {{version}}, but openEuler backports fixes and no package list was available to check the rpm release':
      '«{{via}}» показывает {{package}} {{version}}, но openEuler переносит исправления в старые версии, а списка пакетов для проверки выпуска rpm нет',
    '{{via}} shows {{package}} {{version}}, inside the affected range':
      '«{{via}}» показывает {{package}} {{version}}, в пределах затронутого диапазона версий',
    'cannot compare {{system}} version "{{version}}" of {{package}} with the range':
      'невозможно сравнить версию {{system}} «{{version}}» пакета {{package}} с диапазоном',
    '{{via}} lists {{package}} {{version}}, inside the affected range':
      '«{{via}}» содержит {{package}} {{version}}, в пределах затронутого диапазона версий',
    '{{via}} lists {{package}} {{version}}, inside the affected range for {{distribution}}':
      '«{{via}}» содержит {{package}} {{version}}, в пределах затронутого диапазона версий для {{distribution}}',
    '{{via}} lists {{package}} {{version}}, inside the affected range ({{tags}})':
      '«{{via}}» содержит {{package}} {{version}}, в пределах затронутого диапазона версий ({{tags}})',
    '{{via}} lists {{package}} {{version}}, inside the affected range for {{distribution}} ({{tags}})':
      '«{{via}}» содержит {{package}} {{version}}, в пределах затронутого диапазона версий для {{distribution}} ({{tags}})',
    'could not compare: {{reasons}}':
      'сравнение не удалось: {{reasons}}',
    'the logs show EAGAIN from fork or thread creation, which only process/thread limits cause':
      'в журналах есть EAGAIN при fork или создании потока, а его вызывают только ограничения на число процессов и потоков',
    'counted from a snapshot; threads count against these limits too, so the real use is higher':
      'подсчитано по снимку; потоки тоже учитываются в этих ограничениях, поэтому реальное использование выше',
    'a precaution: the bundle shows the cap, not a process hitting it':
      'мера предосторожности: архив показывает ограничение, а не процесс, который в него уперся',
    'df of the data-root filesystem':
      'вывод df для файловой системы корневого каталога данных',
    'df -i of the data-root filesystem':
      'вывод «df -i» для файловой системы корневого каталога данных',
    'the errors were logged; space may have been freed before collection':
      'ошибки записаны в журнал; место могли освободить до сбора данных',
    'the errors were logged; df of the data-root was not collected':
      'ошибки записаны в журнал; вывод df для корневого каталога данных не собран',
    'from mount -l, whose path split is a guess':
      'по выводу «mount -l», где разбиение пути — догадка',
    'the mount table shows a mount exactly on the overlay2 directory':
      'таблица монтирования показывает точку монтирования ровно на каталоге overlay2',
    'the collected mount table shows nothing on {{target}} (unmounted since, or another data-root)':
      'в собранной таблице монтирования на {{target}} ничего нет (с тех пор размонтировано или это другой корневой каталог данных)',
    'no mount table was collected to confirm the shadowing mount':
      'таблица монтирования, которая подтвердила бы перезаписывающую точку монтирования, не собрана',
    'the parameter is off and rename failures were logged; the logs do not say the renamed directory came from a lower layer':
      'параметр выключен, и в журнале есть сбои переименования; из журналов не видно, что переименованный каталог пришел из нижнего слоя',
    'read from /sys/module/overlay/parameters/redirect_dir; no rename failure was logged, so this is a precaution':
      'прочитано из /sys/module/overlay/parameters/redirect_dir; сбоев переименования в журнале нет, так что это мера предосторожности',
    'kernel release and storage driver both collected':
      'собраны и версия ядра, и драйвер хранилища',
    'docker info reports d_type support':
      'docker info сообщает о поддержке d_type',
    'from the mount holding the data-root':
      'по точке монтирования, на которой лежит корневой каталог данных',
    'no package list could be parsed':
      'не удалось разобрать ни один список пакетов',
    'the {{manager}} package list names both':
      'оба есть в списке пакетов {{manager}}',
    'boot endings are unknown (volatile or truncated journal) and no state loss was seen':
      'неизвестно, как завершались загрузки (журнал не сохраняется на диск или обрезан), и потери состояния не видно',
    'an unclean boot end is followed by lost or damaged docker state':
      'за некорректным завершением работы следует потерянное или поврежденное состояние Docker',
    'an unclean boot end and DB deletion at start; which objects were lost is not visible':
      'некорректное завершение работы и удаление БД при запуске; какие объекты потеряны, не видно',
    'damaged state files without an identified unclean shutdown (journal may not reach back far enough)':
      'поврежденные файлы состояния без выявленного некорректного завершения работы (журнал может не охватывать нужный период)',
    'docker info shows no Security Options (daemon down or not collected)':
      'docker info не показывает «Security Options» (демон не работал или вывод не собран)',
    'a precaution: the bundle shows seccomp on and many published ports, not the syscall cost itself':
      'мера предосторожности: архив показывает включенный seccomp и много опубликованных портов, а не саму стоимость системных вызовов',
    'semaphore table and kernel.sem both collected':
      'собраны и таблица семафоров, и kernel.sem',
    'limit reached; cookies not identified in the semaphore table':
      'предел достигнут; cookie в таблице семафоров не опознаны',
    'cookie change times are older than one minute':
      'время изменения cookie старше одной минуты',
    'cookie age unknown (collect ipcs -s -t / ipcs -s -i)':
      'возраст cookie неизвестен (соберите «ipcs -s -t» / «ipcs -s -i»)',
    'dockerd reported cookie failures; no leaked cookie in the semaphore table (maybe another IPC namespace, or cleaned since)':
      'dockerd сообщил о сбоях cookie; остаточных cookie в таблице семафоров нет (возможно, другое пространство имен IPC или их уже очистили)',
    'dockerd reported cookie failures; the semaphore table was not collected':
      'dockerd сообщил о сбоях cookie; таблица семафоров не собрана',
    'no semaphore table (ipcs -s, /proc/sysvipc/sem, dmsetup udevcookies) and no cookie failure in the logs':
      'нет таблицы семафоров («ipcs -s», /proc/sysvipc/sem, «dmsetup udevcookies») и нет сбоев cookie в журналах',
    'systemd reports the unit result directly; the journal lines were not found':
      'systemd сообщает результат юнита напрямую; строк журнала не найдено',
    'systemd logged the start-limit refusal; the starts before it all succeeded':
      'systemd записал отказ по пределу запусков; все запуски до него были успешными',
    'systemd logged the start-limit refusal; each failed start is counted once, from its own lines':
      'systemd записал отказ по пределу запусков; каждый неудачный запуск учтен один раз, по его собственным строкам',
    'dockerd logged the rejection':
      'dockerd записал отказ в журнал',
    'the configured value is neither normal nor secure (patch 0021 rejects it at start)':
      'настроенное значение не равно ни normal, ни secure (исправление 0021 отвергает его при запуске)',
    'set explicitly in the daemon configuration':
      'задано явно в конфигурации демона',
    '{{text}}; no native.umask in daemon.json, sysconfig, unit or argv':
      '{{text}}; native.umask не задан ни в daemon.json, ни в sysconfig, ни в юните, ни в argv',
    'counted in the process list':
      'подсчитано по списку процессов',
    'neither a process list nor published ports from docker ps':
      'нет ни списка процессов, ни опубликованных портов из docker ps',
    'estimated from docker ps PORTS (one docker-proxy per mapping); the process list was not collected':
      'оценено по столбцу PORTS из docker ps (один docker-proxy на сопоставление портов); список процессов не собран',
    'no interfaces parsed from ip -d -o link':
      'из вывода «ip -d -o link» не получено ни одного интерфейса',
    'dockerd (re)started {{seconds}} s before collection: pairs of containers still being started look the same for a few seconds; collect again after a minute to confirm':
      'dockerd (пере)запустился за {{seconds}} с до сбора данных: пары veth контейнеров, которые еще запускаются, несколько секунд выглядят так же; для подтверждения соберите данные повторно через минуту',
    'both ends of each pair are in the host namespace, which no running container allows':
      'оба конца каждой пары находятся в пространстве имен хоста, чего не допускает ни один работающий контейнер',
    'docker ps -a was not collected (daemon down?): endpoints cannot be matched to running containers':
      'вывод «docker ps -a» не собран (демон не работал?): конечные точки не сопоставить с работающими контейнерами',
    'counted against running containers; host-network and container-network containers own no veth, so this is a lower bound':
      'подсчитано относительно работающих контейнеров; у контейнеров с сетью «host» и «container» нет своих veth, поэтому это нижняя оценка',
  },
});
