// Draws the OpenAPI document as a readable page: one section per tag, one expandable entry per operation
// (parameters, request and answers with their schemas), then the schemas. A file of its own, never an
// inline script, so the pages' Content-Security-Policy (script-src 'self') stays as it is.
(async () => {
    const main = document.getElementById('reference');
    const element = (tag, attributes = {}, ...children) => {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
        node.append(...children.filter(c => c !== null && c !== undefined));
        return node;
    };
    const schemaText = schema => JSON.stringify(schema, null, 2);

    let api;
    try {
        const response = await fetch('/openapi/v1.json', { headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        api = await response.json();
    } catch (error) {
        main.replaceChildren(element('p', { class: 'error', role: 'alert' }, `The OpenAPI document could not be loaded: ${error.message}.`));
        return;
    }

    const byTag = new Map();
    for (const [path, item] of Object.entries(api.paths ?? {})) {
        for (const [method, operation] of Object.entries(item)) {
            if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
            const tag = operation.tags?.[0] ?? 'Other';
            if (!byTag.has(tag)) byTag.set(tag, []);
            byTag.get(tag).push({ path, method, operation });
        }
    }

    const content = media => Object.entries(media ?? {}).map(([type, { schema }]) =>
        element('div', {}, element('p', {}, element('code', {}, type)), schema ? element('pre', {}, schemaText(schema)) : null));

    const sections = [];
    for (const [tag, operations] of byTag) {
        const section = element('section', { 'aria-labelledby': `tag-${tag}` }, element('h2', { id: `tag-${tag}` }, tag));
        for (const { path, method, operation } of operations) {
            const body = element('div', { class: 'operation' });
            if (operation.description) body.append(element('p', {}, operation.description));
            if (operation.parameters?.length) {
                const rows = operation.parameters.map(p => element('tr', {},
                    element('td', {}, element('code', {}, p.name)), element('td', {}, p.in), element('td', {}, p.required ? 'required' : 'optional'),
                    element('td', {}, p.schema?.type ?? '')));
                body.append(element('h3', {}, 'Parameters'), element('table', {}, ...rows));
            }
            if (operation.requestBody) body.append(element('h3', {}, 'Request body'), ...content(operation.requestBody.content));
            for (const [status, answer] of Object.entries(operation.responses ?? {}))
                body.append(element('h3', {}, `${status} ${answer.description ?? ''}`), ...content(answer.content));
            section.append(element('details', { id: operation.operationId ?? `${method}-${path}` },
                element('summary', {}, element('span', { class: `method ${method}` }, method), element('span', { class: 'path' }, path),
                    element('span', {}, operation.summary ?? '')),
                body));
        }
        sections.push(section);
    }

    const schemas = Object.entries(api.components?.schemas ?? {});
    if (schemas.length) {
        const section = element('section', { 'aria-labelledby': 'schemas' }, element('h2', { id: 'schemas' }, 'Schemas'));
        for (const [name, schema] of schemas)
            section.append(element('details', { id: `schema-${name}` }, element('summary', {}, element('span', { class: 'path' }, name)),
                element('div', { class: 'operation' }, element('pre', {}, schemaText(schema)))));
        sections.push(section);
    }
    main.replaceChildren(element('p', {}, `${api.info?.title ?? 'API'} — ${byTag.size} groups of operations.`), ...sections);
})();
