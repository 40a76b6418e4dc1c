// A tiny element builder so screens read as markup without a framework or a build step.
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'class') el.className = value;
    else if (name === 'value') el.value = value;
    else if (name === 'style') setStyle(el, value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  el.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
  return el;
}

/**
 * "--cols: 3; --chars: 7" through the CSSOM: the Content-Security-Policy (style-src 'self') refuses style
 * attributes in markup, not properties set from a script of our own.
 */
function setStyle(el, declarations) {
  for (const declaration of String(declarations).split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) el.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
  }
}

/** Inline SVG from trusted, static markup in this app (icons), never from user or server data. */
export function svg(markup) {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  return template.content.firstElementChild;
}
