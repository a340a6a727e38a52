import { it } from 'vitest';
import { startTestApp } from './test/harness.js';

it('probe', async () => {
  const t = await startTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  console.log(
    doc.openapi,
    JSON.stringify(
      Object.fromEntries(Object.entries(doc.paths).map(([k, v]) => [k, Object.keys(v as object)])),
    ),
  );
  const r = await t.app.inject({ method: 'GET', url: '/api/v1/organizations?limit=abc' });
  console.log(r.statusCode, r.body);
  const a = await t.login('admin');
  console.log((await a.get('/api/v1/organizations?limit=abc')).body);
  console.log((await a.get('/api/v1/organizations?limit=0')).body);
  console.log((await a.get('/api/v1/nothing')).statusCode, (await a.get('/api/v1/nothing')).body);
  console.log(
    (
      await a.post('/api/v1/organizations', {
        parentId: null,
        code: 'X',
        name: 'Xx',
        level: 'provincial',
        kind: 'provincial_organization',
        extra: 1,
      })
    ).body,
  );
  console.log(t.app.printRoutes({ commonPrefix: false }));
  await t.close();
});
