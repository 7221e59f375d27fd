import { describe, expect, it } from 'vitest';
import { readShippedSchema, shippedValidator } from '../src/core/schema/ajv.js';
import { FINDING_CODES } from '../src/core/findings.js';
import { reportRenderer } from '../src/report/index.js';
import { sampleResult } from './report-fixture.js';

const renderJson = await reportRenderer('json');

const options = { toolVersion: '1.2.3' };

describe('json report', () => {
  it('lists every finding code in the schema, in table order', () => {
    const schema = readShippedSchema('report.schema.json') as {
      $defs: { finding: { properties: { code: { enum: string[] } } } };
    };
    expect(schema.$defs.finding.properties.code.enum).toEqual(Object.keys(FINDING_CODES));
  });

  it('validates against schemas/report.schema.json, plain and strict', () => {
    const validate = shippedValidator('report.schema.json');
    for (const strict of [false, true]) {
      const report: unknown = JSON.parse(renderJson(sampleResult(), { ...options, strict }));
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('has the documented shape, leaving out unknown fields', () => {
    const text = renderJson(sampleResult(), options);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "schemaVersion": 1,');
    const report = JSON.parse(text);
    expect(report.tool).toEqual({ name: 'svmc', version: '1.2.3' });
    const [riverside, broken, acme] = report.applications;
    expect(Object.keys(riverside)).toEqual(['dir', 'level', 'summary', 'findings']);
    expect(riverside.summary).toEqual({ errors: 4, warnings: 1, criteria: { required: 10, met: 8 } });
    expect(riverside.findings[0]).toEqual({
      code: 'SIGNOFF_MISSING',
      severity: 'error',
      message: expect.any(String),
    });
    expect(riverside.findings[1]).toMatchObject({ criterion: 'L2.PL.1', file: 'svmc.yaml', line: 14, col: 7 });
    expect(riverside.findings[3]).not.toHaveProperty('col');
    expect(broken).not.toHaveProperty('level');
    expect(broken.dir).toBe('Müller & Söhne <gGmbH>');
    expect(acme.findings).toEqual([]);
  });

  it('reports warnings as errors with strict', () => {
    const report = JSON.parse(renderJson(sampleResult(), { ...options, strict: true }));
    const riverside = report.applications[0];
    expect(riverside.summary).toMatchObject({ errors: 5, warnings: 0 });
    expect(riverside.findings.map((f: { severity: string }) => f.severity)).not.toContain('warning');
    expect(riverside.findings.at(-1).severity).toBe('info');
  });

  it('rejects a report that drifts from the schema', () => {
    const validate = shippedValidator('report.schema.json');
    const report = JSON.parse(renderJson(sampleResult(), options));
    report.applications[0].findings[0].code = 'NOT_A_CODE';
    expect(validate(report)).toBe(false);
    report.applications[0].findings[0] = { code: 'YAML_SYNTAX', severity: 'error', message: 'x', extra: 1 };
    expect(validate(report)).toBe(false);
  });
});
