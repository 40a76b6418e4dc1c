// What the clerk has entered in this sitting: the result line of the last slip and a running list, newest first.

/** The line for a slip the server took: waiting (with people ahead) or recorded as seen. */
export function createdText(token, seen) {
  const state = token.status === 'WAITING'
    ? `waiting${token.peopleAhead == null ? '' : `, ${token.peopleAhead} ahead`}`
    : `recorded as seen${seen ? '' : ' (an earlier day)'}`;
  return `✓ ${token.number} entered: ${token.serviceName.en}, ${state}.`;
}

/** What the clerk calls each field the server may name ("issuedAt" is not a word anyone at the desk says). */
const FIELD_WORDS = {
  number: 'The slip number',
  issuedAt: 'The time on the slip',
  priority: 'The category',
  seen: '"Already seen"',
  'patient.name': 'The name',
  'patient.age': 'The age',
  'patient.sex': 'The sex',
  'patient.mobile': 'The mobile number',
  reason: 'The reason',
};

/**
 * The server's refusal as sentences: a field it found wrong (400, "issuedAt: must not be …") in words, then what is
 * wrong with it; other refusals (a duplicate, a number in no book) already say it in a sentence.
 */
export function problemInWords(problem) {
  const errors = problem.errors ?? [];
  if (problem.status !== 400 || !errors.length) return problem.message;
  return errors.map(({ field, message }) => `${FIELD_WORDS[field] ?? 'A field'} ${message}`).join('; ');
}

/** The line for a slip the server refused, with the kind of refusal in a word the clerk can act on. */
export function refusedText(number, problem) {
  const why = problem.status === 409 ? 'duplicate' : problem.status === 422 ? 'out of range' : 'not entered';
  return `✗ ${number || 'Slip'} refused (${why}): ${problemInWords(problem)}`;
}

export function createSitting(resultLine, list, createdCount, refusedCount) {
  let created = 0;
  let refused = 0;

  function show(ok, text) {
    resultLine.textContent = text;
    resultLine.className = `result ${ok ? 'notice' : 'alert'}`;
    resultLine.dataset.outcome = ok ? 'created' : 'refused';
    resultLine.hidden = false;
  }

  function add(ok, number, text) {
    const row = document.createElement('tr');
    row.className = ok ? 'created' : 'refused';
    row.dataset.number = number;
    for (const cell of [new Date().toLocaleTimeString(), number, text]) {
      const td = document.createElement('td');
      td.textContent = cell;
      row.append(td);
    }
    list.prepend(row);
    if (ok) created += 1; else refused += 1;
    createdCount.textContent = created;
    refusedCount.textContent = refused;
  }

  return {
    created(token, seen) {
      const text = createdText(token, seen);
      show(true, text);
      add(true, token.number, text);
    },
    refused(number, problem) {
      const text = refusedText(number, problem);
      show(false, text);
      add(false, number, text);
    },
    message(ok, text) {
      show(ok, text);
    },
  };
}
