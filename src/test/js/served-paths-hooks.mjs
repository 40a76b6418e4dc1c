// The addresses the pom.xml's <resources> serve each folder at (plus the pages under META-INF/resources).
const repo = new URL('../../../', import.meta.url);
const SERVED = {
  '/shared/': 'shared/',
  '/kiosk/': 'kiosk-ui/',
  '/console-offline/': 'console-offline/',
  '/board/': 'display-board/',
  '/pages/': 'src/main/resources/META-INF/resources/pages/',
};

export async function resolve(specifier, context, next) {
  const prefix = Object.keys(SERVED).find((path) => specifier.startsWith(path));
  if (!prefix) return next(specifier, context);
  return next(new URL(SERVED[prefix] + specifier.slice(prefix.length), repo).href, context);
}
