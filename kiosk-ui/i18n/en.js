// English messages. Every key here must also exist in each other language file (test/i18n.test.js checks).
// {name} placeholders are filled by t(key, { name: … }).
export default {
  'language.name': 'English',

  'start.touch': 'Touch to get your OPD token',
  'start.chooseLanguage': 'Choose your language',
  'start.loading': 'Getting ready…',

  'nav.back': 'Back',
  'nav.startOver': 'Start over',
  'nav.continue': 'Continue',
  'nav.skip': 'Skip',
  'nav.step': 'Step {step} of {total}',
  'nav.language': 'Language',

  'service.title': 'Choose your department',
  'service.waiting': '{count} waiting',
  'service.waitingNone': 'No one waiting',
  'service.wait': 'Wait about {minutes} min',
  'service.hours': 'Open {from}–{to}',
  'service.none': 'No department is taking tokens right now.',

  'priority.title': 'Does any of these apply to you?',
  'priority.hint': 'Senior citizens, persons with disability and pregnant women have their own queue.',

  'details.title': 'Your details (optional)',
  'details.hint': 'They help the hospital find your records. You can skip this.',
  'details.mobile': 'Mobile number',
  'details.abha': 'ABHA number',
  'details.uhid': 'Hospital ID (UHID)',
  'details.mobile.example': '10 digits',
  'details.abha.example': '14 digits',
  'details.uhid.example': 'as on your hospital card',

  'invalid.mobile': 'Enter a 10-digit mobile number starting with 6, 7, 8 or 9',
  'invalid.abha': 'Enter all 14 digits of the ABHA number',
  'invalid.uhid': 'Use up to 30 letters, numbers, / or -',

  'keypad.label': 'Keypad for {field}',
  'keypad.delete': 'Delete last character',
  'keypad.clear': 'Clear',

  'confirm.title': 'Please check your choices',
  'confirm.department': 'Department',
  'confirm.category': 'Category',
  'confirm.details': 'Your details',
  'confirm.none': 'Not given',
  'confirm.change': 'Change',
  'confirm.print': 'Print token',

  'issuing.title': 'Printing your token…',

  'done.title': 'Please take your token',
  'done.finish': 'Done',
  'done.returning': 'Back to the start in {seconds} s',

  'idle.warning': 'Are you still there? The kiosk will go back to the start.',
  'idle.seconds': '{seconds} s',
  'idle.stay': 'I am still here',

  'failure.title': 'Sorry, we could not print your token',
  'failure.counter': 'Please take a token at the registration counter',
  'failure.retry': 'Try again',
  'failure.serviceGone': 'That department is not taking tokens now. Please choose again.',


  'offline.banner': 'Working offline: tokens are being saved and will reach the queue shortly',
  'refused.badge.one': '{count} slip refused – staff',
  'refused.badge.many': '{count} slips refused – staff',
  'refused.title': 'Offline slips the server refused',
  'refused.hint': 'These patients hold a printed slip that is in no queue. Find them and give them a new token at the registration counter. The admin dashboard lists them too.',
  'refused.number': 'Number',
  'refused.time': 'Time on the slip',
  'refused.reason': 'Reason',
  'refused.close': 'Close',
  'noReserve.title': 'Sorry, the kiosk cannot give tokens right now',
  'noReserve.counter': 'Please go to the registration counter for a paper token',
  'appointment.start': 'I have an appointment',
  'appointment.title': 'Your appointment',
  'appointment.hint': 'Type your appointment number or mobile number, or scan the QR code of your appointment',
  'appointment.field': 'Appointment number or mobile',
  'appointment.example': 'e.g. A-1001 or 98765 43210',
  'appointment.find': 'Find my appointment',
  'appointment.pickTitle': 'Which appointment?',
  'appointment.at': 'at {time}',
  'appointment.notFound': 'No appointment for today was found. Check the number, or ask at the registration counter.',
  'appointment.tooEarly': 'It is too early to check in. Please come back at {time}.',
  'appointment.tooEarlySoon': 'It is too early to check in. Please come back a little before your time.',
  'appointment.cancelled': 'This appointment was cancelled. Please ask at the registration counter.',
  'appointment.notToday': 'This appointment is not for today. Please ask at the registration counter.',
  'appointment.tooMany': 'Please wait a minute, then try again.',
};
