/** The tool's name and version: a leaf module, so the CLI can print `--version` without loading the analyzer. */
export const TOOL_NAME = 'docker-postmortem';
export const TOOL_VERSION = '0.1.0';
