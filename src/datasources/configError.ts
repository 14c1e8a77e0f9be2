/** A config.json problem, with the path of the field at fault so the error page can name it. */
export class ConfigError extends Error {
  /** Path of the bad field, e.g. `datasources[1].url`, or `config.json` for the file as a whole. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'ConfigError';
    this.field = field;
  }
}
