/** The deployment-test cases a rehearsal can follow: GET /__sim/test-cases and /__sim/test-cases/:name. */
import express, { type Router } from 'express';
import type { TestCaseLibrary } from '../../rehearsal/test-case.js';
import { param } from './request-values.js';

export function testCaseRoutes(testCases: TestCaseLibrary): Router {
  const r = express.Router();
  r.get('/__sim/test-cases', (_req, res) => {
    res.json(
      testCases.list().map((c) => ({
        name: c.name,
        title: c.title,
        serviceTask: c.serviceTask,
        role: c.role,
        oldData: c.oldData,
        documents: c.documents.length,
      })),
    );
  });
  r.get('/__sim/test-cases/:name', (req, res) => {
    res.json(testCases.get(param(req, 'name')));
  });
  return r;
}
