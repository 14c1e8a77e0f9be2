import { runAlertsConformance } from '../shared/conformance/alerts';
import { alertmanagerRecordedAnswers } from '../shared/conformance/recorded';
import { createAlertmanagerDataSource } from './index';
import { amAlert } from './wire.testing';

// Alertmanager's own wire format (reference §7): JSON arrays, errors as a bare JSON string.

const BASE = 'http://alertmanager.conformance:9093';

runAlertsConformance({
  adapter: 'alertmanager',
  serverName: 'Alertmanager',
  baseUrl: BASE,
  create: (fetchFn) => createAlertmanagerDataSource({ uid: 'am', kind: 'alertmanager', name: 'Alertmanager', url: BASE }, fetchFn),
  recorded: alertmanagerRecordedAnswers(amAlert),
});
