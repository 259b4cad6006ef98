// Quire's render worker: KaTeX for math, highlight.js for code, in one long-lived node process.
//
//   node -e "<this script>" KATEX_JS HIGHLIGHT_JS [REQUEST_TIMEOUT_MS]
//
// Protocol (one JSON object per line, UTF-8):
//   first line out:  {"ready": true, "katex": "0.16.4", "highlight": "9.18.5"}
//                    or {"fatal": message, "file": path, "package": debian package} and exit 3
//   requests in:     {"id": n, "kind": "math", "tex": "...", "display": bool}
//                    {"id": n, "kind": "code", "code": "...", "language": "python"}
//   responses out:   {"id": n, "html": "...", "error": "...", "highlighted": bool, "timedOut": bool}
'use strict';

const fs = require('fs');
const vm = require('vm');

const MAX_TEX_LENGTH = 20000;       // longer formulas are refused, not rendered
const MAX_CODE_LENGTH = 1000000;    // longer code blocks stay plain text
const REQUEST_TIMEOUT_MS = Number(process.argv[3]) || 2000;   // a single formula or block may not take longer

function fail(message, file, pkg) {
    process.stdout.write(JSON.stringify({fatal: message, file: file, package: pkg}) + '\n', () => process.exit(3));
}

function loadKatex(path) {
    if (!fs.existsSync(path))
        return fail('file not found', path, 'libjs-katex');
    try {
        return require(path);
    } catch (e) {
        return fail(String(e && e.message || e), path, 'libjs-katex');
    }
}

// The Debian build of highlight.js 9 is a browser script: it registers itself on `self`.
function loadHighlight(path) {
    if (!fs.existsSync(path))
        return fail('file not found', path, 'libjs-highlight.js');
    try {
        const sandbox = {};
        sandbox.self = sandbox;
        sandbox.window = sandbox;
        vm.createContext(sandbox);
        vm.runInContext(fs.readFileSync(path, 'utf8'), sandbox, {filename: path});
        if (!sandbox.hljs || typeof sandbox.hljs.highlight !== 'function')
            throw new Error('the script did not define hljs');
        return sandbox.hljs;
    } catch (e) {
        return fail(String(e && e.message || e), path, 'libjs-highlight.js');
    }
}

const katex = loadKatex(process.argv[1]);
const hljs = katex && loadHighlight(process.argv[2]);

const katexOptions = {
    displayMode: false,
    output: 'html',         // no MathML copy: half the size, and pages are read, not spoken from it
    throwOnError: true,     // errors are reported to Quire, which shows the TeX with the message
    strict: 'ignore',
    trust: false,           // no \href, \url, \includegraphics, \htmlClass...
    maxExpand: 1000,        // stops \def loops
    maxSize: 50,            // em; caps \rule and \kern
};

function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Runs `work` with a time guard: vm's timeout interrupts even a synchronous loop (and JS cannot
// catch that interruption). Starting a guard costs a thread, so a whole chunk of requests runs
// under one guard, and only the request that was running when it fired is retried under its own.
const guard = new vm.Script('work()', {filename: 'render-guard'});
const guardContext = vm.createContext({work: null});
function guarded(work) {
    guardContext.work = work;
    try {
        return guard.runInContext(guardContext, {timeout: REQUEST_TIMEOUT_MS});
    } finally {
        guardContext.work = null;
    }
}

function handleAll(lines) {
    // Counted by responses, not by a loop variable: the interruption may land anywhere.
    const responses = [];
    while (responses.length < lines.length) {
        try {
            guarded(() => {
                while (responses.length < lines.length)
                    responses.push(handle(lines[responses.length]));
            });
        } catch (e) {
            const line = lines[responses.length];
            if (line === undefined)
                break;
            let response;
            try {
                response = guarded(() => handle(line));
            } catch (e) {
                response = {id: idOf(line), html: '', error: 'took longer than ' + REQUEST_TIMEOUT_MS / 1000 + ' s', timedOut: true};
            }
            responses.push(response);
        }
    }
    return responses;
}

function idOf(line) {
    try {
        return JSON.parse(line).id;
    } catch (e) {
        return -1;
    }
}

function renderMath(request) {
    const tex = String(request.tex || '');
    if (tex.length > MAX_TEX_LENGTH)
        return {html: '', error: 'formula too long (' + tex.length + ' characters, at most ' + MAX_TEX_LENGTH + ')'};
    const options = Object.assign({}, katexOptions, {displayMode: !!request.display});
    try {
        return {html: katex.renderToString(tex, options)};
    } catch (e) {
        return {html: '', error: String(e && e.message || e)};
    }
}

function renderCode(request) {
    const code = String(request.code || '');
    const language = String(request.language || '');
    // Only the language the writer named: no guessing with highlightAuto.
    if (!language || !hljs.getLanguage(language) || code.length > MAX_CODE_LENGTH)
        return {html: escapeHtml(code), highlighted: false};
    try {
        return {html: hljs.highlight(language, code, true).value, highlighted: true};
    } catch (e) {
        return {html: escapeHtml(code), highlighted: false, error: String(e && e.message || e)};
    }
}

function handle(line) {
    let request;
    try {
        request = JSON.parse(line);
    } catch (e) {
        return {id: -1, html: '', error: 'bad request: ' + e.message};
    }
    const response = request.kind === 'code' ? renderCode(request) : renderMath(request);
    response.id = request.id;
    return response;
}

if (katex && hljs) {
    process.stdout.write(JSON.stringify({ready: true, katex: katex.version, highlight: hljs.versionString || ''}) + '\n');
    let pending = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', chunk => {
        pending += chunk;
        const end = pending.lastIndexOf('\n');
        if (end < 0)
            return;
        const lines = pending.slice(0, end).split('\n').filter(line => line.trim());
        pending = pending.slice(end + 1);
        const out = handleAll(lines).map(response => JSON.stringify(response) + '\n').join('');
        if (out)
            process.stdout.write(out);
    });
}
