import { defineRules } from '../rule.js';

/** Rules about which operations this archive performs. */
export const OPERATION_RULES = defineRules({
  OPERATION_NOT_SUPPORTED: {
    severity: 'AE',
    fi: 'Arkisto ei tue tätä palvelupyyntöä.',
    sv: 'Arkivet stöder inte denna tjänstebegäran.',
    en: 'The archive does not support this service request.',
  },
});
