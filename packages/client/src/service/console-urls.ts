// Links into the Tinker web console, built as the Python SDK builds them.
const CONSOLE_BASE_URL = "https://tinker.thinkingmachines.ai";

export function sessionsConsoleUrl(): string {
  return `${CONSOLE_BASE_URL}/sessions`;
}

export function sessionConsoleUrl(sessionId: string): string {
  return `${CONSOLE_BASE_URL}/sessions/${sessionId}`;
}

export function trainingRunConsoleUrl(trainingRunId: string): string {
  return `${CONSOLE_BASE_URL}/training_runs/${trainingRunId}`;
}
