import type { LocaleDefinition } from '@faker-js/faker';
import { faker } from '@faker-js/faker/locale/en';

/**
 * The English locale's definitions (names, example e-mail domains), from the locale's own entry point: the
 * package's main entry loads every locale, 16 MB more in every process that loads the CLI.
 */
export const en: LocaleDefinition = faker.rawDefinitions;
