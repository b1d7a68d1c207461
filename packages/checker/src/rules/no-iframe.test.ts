// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are JavaScript sources under test.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../check-source';
import { count, hits } from './test-helpers';

describe('no-iframe (JS)', () => {
  it.each([
    "document.createElement('iframe')",
    "document.createElement('IFRAME')",
    "document.createElement('if' + 'rame')",
    "const tag = 'iframe'; document.createElement(tag)",
    "const d = document; d.createElement('iframe')",
    "document.createElementNS('http://www.w3.org/1999/xhtml', 'iframe')",
    'el.innerHTML = \'<iframe src="/x"></iframe>\'',
    'el.innerHTML = `<div><IFRAME src=${u}>`',
    "el.outerHTML = '<iframe>'",
    "el.innerHTML += '<p>' + '<ifr' + 'ame src=' + u + '>'",
    "el.insertAdjacentHTML('beforeend', '<iframe src=x>')",
    "document.write('<iframe src=x></iframe>')",
    "document.writeln('<iframe>')",
    "React.createElement('iframe', { src })",
    "h('iframe', { src })",
    "_jsx('iframe', { src })",
    "jsx('iframe', {})",
    '$(\'<iframe src="x">\').appendTo(body)',
    "frame.srcdoc = '<p>hi</p>'",
    "document.createElement('embed')",
  ])('flags %s', (code) => {
    expect(count(code, 'no-iframe')).toBe(1);
  });

  it.each([
    "document.querySelector('iframe')",
    "el.tagName === 'IFRAME'",
    "document.createElement('div')",
    "el.innerHTML = '<p>iframe</p>'",
    "el.textContent = '<iframe>'",
    "const s = '<iframe>'; log(s)",
    'el.innerHTML = html',
    "getElementsByTagName('iframe')",
  ])('does not flag %s', (code) => {
    expect(hits(code, 'no-iframe')).toEqual([]);
  });
});

describe('no-iframe (HTML)', () => {
  const html = (body: string) => checkSource(body, 'index.html').filter((f) => f.rule === 'no-iframe');
  it('flags iframe, frame, object and embed tags, also inside <template>', () => {
    const found = html(
      '<p>x</p>\n<iframe src="a.html"></iframe>\n<template><IFRAME></IFRAME></template><object data="x"></object><embed src="y">',
    );
    expect(found.map((f) => `${f.line}:${f.column}`)).toEqual(['2:1', '3:11', '3:39', '3:65']);
  });
  it('flags iframes built by inline scripts and handlers', () => {
    expect(html('<script>\n document.body.innerHTML = "<iframe>";\n</script>')).toHaveLength(1);
    expect(html('<button onclick="document.createElement(\'iframe\')">x</button>')).toHaveLength(1);
    expect(html('<script type="text/template"><div><iframe src=x></iframe></div></script>')).toHaveLength(1);
  });
  it('does not flag the word in text, comments or attributes', () => {
    expect(
      html(
        '<!-- <iframe> --><p title="<iframe>">an iframe</p><script type="application/json">{"a":"<iframe>"}</script>',
      ),
    ).toEqual([]);
  });
});

describe('no-iframe (JSX)', () => {
  it('flags <iframe> elements in JSX, also in .js files and text/babel scripts', () => {
    expect(hits('const a = <div><iframe src="x" /></div>;', 'no-iframe')).toEqual(['1:16']);
    const html = checkSource(
      '<script type="text/babel">const A = () => <iframe src="x" />;</script>',
      'index.html',
    );
    expect(html.map((f) => f.rule)).toEqual(['no-iframe']);
  });
  it('does not flag components or other elements', () => {
    expect(hits('const a = <Iframe src="x" />; const b = <div>iframe</div>;', 'no-iframe')).toEqual([]);
  });
});
