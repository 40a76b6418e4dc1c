import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSitting, createdText, refusedText } from '/pages/paper-sitting.js';

test('a slip taken says where the patient is now: waiting with people ahead, or recorded as seen', () => {
  const token = { number: 'MED-P0012', serviceName: { en: 'General Medicine' } };
  assert.equal(createdText({ ...token, status: 'WAITING', peopleAhead: 4 }, false), '✓ MED-P0012 entered: General Medicine, waiting, 4 ahead.');
  assert.equal(createdText({ ...token, status: 'COMPLETED' }, true), '✓ MED-P0012 entered: General Medicine, recorded as seen.');
  assert.equal(createdText({ ...token, status: 'COMPLETED' }, false), '✓ MED-P0012 entered: General Medicine, recorded as seen (an earlier day).');
});

test('a slip refused says which kind of refusal in a word', () => {
  assert.equal(refusedText('MED-P0012', { status: 409, message: 'already entered' }), '✗ MED-P0012 refused (duplicate): already entered');
  assert.equal(refusedText('MED-P9999', { status: 422, message: 'not in a printed book' }), '✗ MED-P9999 refused (out of range): not in a printed book');
  assert.equal(refusedText('', { status: 400, message: 'give the number' }), '✗ Slip refused (not entered): give the number');
});

/** As much of the DOM as the sitting touches. */
function element() {
  return { textContent: '', className: '', hidden: true, dataset: {}, children: [], append(...c) { this.children.push(...c); }, prepend(c) { this.children.unshift(c); } };
}

test('the sitting counts slips taken and refused and lists them newest first', () => {
  globalThis.document = { createElement: element };
  const [line, list, created, refused] = [element(), element(), element(), element()];
  const sitting = createSitting(line, list, created, refused);
  sitting.created({ number: 'MED-P0012', status: 'WAITING', peopleAhead: 0, serviceName: { en: 'General Medicine' } }, false);
  sitting.refused('MED-P0012', { status: 409, message: 'already entered' });
  sitting.message(false, 'Scan or type the slip number, e.g. MED-P0012.');
  assert.deepEqual([created.textContent, refused.textContent], [1, 1]);
  assert.deepEqual(list.children.map((row) => row.className), ['refused', 'created']);
  assert.equal(list.children[1].children[2].textContent, '✓ MED-P0012 entered: General Medicine, waiting, 0 ahead.');
  assert.deepEqual([line.textContent, line.dataset.outcome, line.hidden], ['Scan or type the slip number, e.g. MED-P0012.', 'refused', false]);
  delete globalThis.document;
});

test('a refusal names the field in words, never by its name in the API', async () => {
  const { problemInWords } = await import('/pages/paper-sitting.js');
  const problem = { status: 400, message: 'issuedAt: must not be in the future', errors: [{ field: 'issuedAt', message: 'must not be in the future' }] };
  assert.equal(problemInWords(problem), 'The time on the slip must not be in the future');
  assert.equal(refusedText('MED-P0001', problem), '✗ MED-P0001 refused (not entered): The time on the slip must not be in the future');
  assert.equal(problemInWords({ status: 409, message: 'MED-P0001 was already entered', errors: [{ field: 'number', message: 'x' }] }),
    'MED-P0001 was already entered');
});
