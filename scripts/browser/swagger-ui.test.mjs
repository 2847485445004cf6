// Drives Swagger UI of a running server in the system's Chromium, as a new user would: authorize, create a
// service group, list it with a query parameter, delete it. Run by scripts/swagger-ui-test.sh.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.BASE_URL;
const token = process.env.TOKEN;
const executablePath = process.env.CHROMIUM;
if (!base || !token || !executablePath) {
  throw new Error('BASE_URL, TOKEN and CHROMIUM must be set');
}
const name = `ui-${Date.now().toString(36)}`;
const profile = mkdtempSync(join(tmpdir(), 'sg-chromium-'));

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
  console.log(`ok - ${message}`);
}

/** The operation block of METHOD PATH, expanded and in "Try it out" mode. */
async function tryOut(page, method, path) {
  const block = page.locator(`.opblock-${method}`, {
    has: page.locator(`.opblock-summary-path[data-path="${path}"]`),
  });
  await block.locator('.opblock-summary').first().click();
  await block.locator('button.try-out__btn').click();
  return block;
}

/** Fills a repeatable (array) query parameter with one value. */
async function fillArrayParameter(block, parameter, value) {
  const row = block.locator(`tr[data-param-name="${parameter}"]`);
  await row.getByRole('button', { name: /Add .*item/ }).click();
  await row.locator('input').first().fill(value);
}

/** Clicks Execute and answers the live response's status and body text. */
async function execute(block) {
  await block.locator('button.execute').click();
  const status = block.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: 15000 });
  const body = await block.locator('.live-responses-table .response-col_description pre').first().innerText();
  return { status: (await status.innerText()).trim(), body };
}

// A fresh profile directory (--user-data-dir) per run: Playwright passes it for a persistent context.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/q/swagger-ui/`);
  await page.locator('.opblock').first().waitFor({ timeout: 30000 });

  await page.locator('.auth-wrapper button.authorize').click();
  const dialog = page.locator('.modal-ux');
  check((await dialog.innerText()).includes('Authorization: Bearer <token>'),
    'the Authorize dialog says how the token is sent');
  await dialog.locator('input').first().fill(token);
  await dialog.locator('.auth-btn-wrapper button.authorize').click();
  await dialog.locator('.auth-btn-wrapper button.btn-done, .auth-btn-wrapper button.close-modal').first().click();

  const create = await tryOut(page, 'post', '/v1/services');
  await create.locator('textarea.body-param__text').fill(JSON.stringify({
    name, services: [{ port: 443, destination_port: 8080, handlers: ['tls', 'http'] }],
  }));
  const created = await execute(create);
  check(created.status === '200' && created.body.includes(`"name": "${name}"`) && created.body.includes('"success"'),
    `POST /v1/services created ${name} (${created.status}: ${created.body})`);

  const list = await tryOut(page, 'get', '/v1/services');
  await fillArrayParameter(list, 'name', name);
  const listed = await execute(list);
  check(listed.status === '200' && listed.body.includes(`"name": "${name}"`) && listed.body.includes('"fqdn"'),
    `GET /v1/services?name=${name} lists it (${listed.status}: ${listed.body})`);

  const all = await tryOut(page, 'get', '/v1/services/list');
  const everything = await execute(all);
  check(everything.status === '200' && everything.body.includes(name), `GET /v1/services/list lists it`);

  const remove = await tryOut(page, 'delete', '/v1/services');
  await fillArrayParameter(remove, 'name', name);
  const deleted = await execute(remove);
  check(deleted.status === '200' && deleted.body.includes('"status": "success"') && deleted.body.includes(name),
    `DELETE /v1/services?name=${name} deleted it (${deleted.status}: ${deleted.body})`);

  const after = await fetch(`${base}/v1/services?name=${name}`, { headers: { Authorization: `Bearer ${token}` } });
  const answer = await after.json();
  check(answer.data.service_groups[0].error === 8, 'the group is gone (item error 8)');
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
