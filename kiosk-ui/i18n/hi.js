// हिन्दी संदेश: keys mirror en.js exactly (test/i18n.test.js checks).
export default {
  'language.name': 'हिन्दी',

  'start.touch': 'ओपीडी टोकन के लिए स्पर्श करें',
  'start.chooseLanguage': 'अपनी भाषा चुनें',
  'start.loading': 'तैयारी हो रही है…',

  'nav.back': 'पीछे',
  'nav.startOver': 'फिर से शुरू करें',
  'nav.continue': 'आगे बढ़ें',
  'nav.skip': 'छोड़ें',
  'nav.step': 'चरण {step} / {total}',
  'nav.language': 'भाषा',

  'service.title': 'अपना विभाग चुनें',
  'service.waiting': '{count} प्रतीक्षा में',
  'service.waitingNone': 'कोई प्रतीक्षा में नहीं',
  'service.wait': 'लगभग {minutes} मिनट प्रतीक्षा',
  'service.hours': 'खुला {from}–{to}',
  'service.none': 'अभी कोई विभाग टोकन नहीं दे रहा है।',

  'priority.title': 'क्या इनमें से कोई आप पर लागू होता है?',
  'priority.hint': 'वरिष्ठ नागरिकों, दिव्यांगजनों और गर्भवती महिलाओं की अलग कतार है।',

  'details.title': 'आपकी जानकारी (वैकल्पिक)',
  'details.hint': 'इससे अस्पताल को आपका रिकॉर्ड ढूँढने में मदद मिलती है। आप इसे छोड़ सकते हैं।',
  'details.mobile': 'मोबाइल नंबर',
  'details.abha': 'आभा (ABHA) नंबर',
  'details.uhid': 'अस्पताल आईडी (UHID)',
  'details.mobile.example': '10 अंक',
  'details.abha.example': '14 अंक',
  'details.uhid.example': 'जैसा आपके अस्पताल कार्ड पर है',
  'details.consent': 'मेरी बारी पास आने पर और बुलाए जाने पर इस मोबाइल पर SMS भेजें',

  'invalid.mobile': '6, 7, 8 या 9 से शुरू होने वाला 10 अंकों का मोबाइल नंबर डालें',
  'invalid.abha': 'आभा नंबर के सभी 14 अंक डालें',
  'invalid.uhid': 'अधिकतम 30 अक्षर, अंक, / या - डालें',

  'keypad.label': '{field} के लिए कीपैड',
  'keypad.delete': 'आख़िरी अक्षर मिटाएँ',
  'keypad.clear': 'मिटाएँ',

  'confirm.title': 'कृपया अपनी जानकारी जाँच लें',
  'confirm.department': 'विभाग',
  'confirm.category': 'श्रेणी',
  'confirm.details': 'आपकी जानकारी',
  'confirm.sms': 'बारी पास आने पर और बुलाए जाने पर SMS',
  'confirm.none': 'नहीं दी गई',
  'confirm.change': 'बदलें',
  'confirm.print': 'टोकन प्रिंट करें',

  'issuing.title': 'आपका टोकन प्रिंट हो रहा है…',

  'done.title': 'कृपया अपना टोकन लें',
  'done.finish': 'हो गया',
  'done.returning': '{seconds} सेकंड में शुरुआत पर वापस',

  'idle.warning': 'क्या आप अभी भी यहाँ हैं? कियोस्क जल्द ही शुरुआत पर लौट जाएगा।',
  'idle.seconds': '{seconds} सेकंड',
  'idle.stay': 'मैं यहीं हूँ',

  'failure.title': 'क्षमा करें, आपका टोकन प्रिंट नहीं हो सका',
  'failure.counter': 'कृपया पंजीकरण काउंटर से टोकन लें',
  'failure.retry': 'फिर से कोशिश करें',
  'failure.serviceGone': 'यह विभाग अभी टोकन नहीं दे रहा है। कृपया फिर से चुनें।',


  'offline.banner': 'ऑफ़लाइन चल रहा है: टोकन सहेजे जा रहे हैं और जल्द ही कतार में पहुँचेंगे',
  'refused.badge.one': '{count} पर्ची अस्वीकृत – स्टाफ़',
  'refused.badge.many': '{count} पर्चियाँ अस्वीकृत – स्टाफ़',
  'refused.title': 'सर्वर द्वारा अस्वीकृत ऑफ़लाइन पर्चियाँ',
  'refused.hint': 'इन मरीज़ों के पास छपी हुई पर्ची है जो किसी कतार में नहीं है। उन्हें ढूँढें और पंजीकरण काउंटर पर नया टोकन दें। ये एडमिन डैशबोर्ड पर भी दिखती हैं।',
  'refused.number': 'नंबर',
  'refused.time': 'पर्ची पर समय',
  'refused.reason': 'कारण',
  'refused.close': 'बंद करें',
  'noReserve.title': 'क्षमा करें, कियोस्क अभी टोकन नहीं दे सकता',
  'noReserve.counter': 'कृपया काग़ज़ी टोकन के लिए पंजीकरण काउंटर पर जाएँ',
};
