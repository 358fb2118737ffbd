import { defineRules } from '../rule.js';

/**
 * Rules that only injected faults and sentinel identities produce (server/control/faults.ts), so that a
 * vendor's test can tell a simulated failure from a real one in its logs.
 */
export const CONTROL_RULES = defineRules({
  SIM_FAULT_REJECTED: {
    severity: 'AR',
    fi: 'Arkisto hylkäsi sanoman (simuloitu virhe).',
    sv: 'Arkivet avvisade meddelandet (simulerat fel).',
    en: 'The archive rejected the message (simulated fault).',
  },
});
