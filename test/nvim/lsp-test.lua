-- Headless Neovim (0.7) as a second, real LSP client of dist/server.js:
--   LSP_SERVER=dist/server.js nvim --headless -n -i NONE --clean -u lsp-test.lua customer.ts
-- Waits for the server's diagnostics, requests the code actions of the first one, applies the one
-- titled by EXPECT_ACTION, and checks that the diagnostic goes. Prints one line per step; exit 0 = pass.
local server = os.getenv('LSP_SERVER') or error('set LSP_SERVER to dist/server.js')
local expected_action = os.getenv('EXPECT_ACTION') or ''
local out = function(s) io.stdout:write(s .. '\n') end
local fail = function(message) out('FAIL ' .. message); vim.cmd('cquit 1') end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'typescript',
  callback = function(args)
    local client_id = vim.lsp.start_client({
      name = 'privacy-steward',
      cmd = { 'node', server, '--stdio' },
      root_dir = vim.fn.getcwd(),
      init_options = { debounceMs = 50 },
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

vim.defer_fn(function()
  local buf = vim.api.nvim_get_current_buf()
  local started = vim.loop.hrtime()
  local ok = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  if not ok then return fail('no diagnostics in time') end
  local diagnostics = vim.diagnostic.get(buf)
  out('DIAGNOSTICS ' .. vim.fn.json_encode(vim.tbl_map(function(d)
    return { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message, source = d.source, code = d.code, severity = d.severity }
  end, diagnostics)))
  local first = diagnostics[1]
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, first.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  local titles, chosen = {}, nil
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if action.title == expected_action then chosen = action end
    end
  end
  out('CODE_ACTIONS ' .. vim.fn.json_encode(titles))
  if not chosen then return fail('no code action titled ' .. expected_action) end
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  out('LINES ' .. vim.fn.json_encode(vim.api.nvim_buf_get_lines(buf, 0, -1, false)))
  ok = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == first.lnum + 1 and d.code == first.code then return false end
    end
    return #vim.diagnostic.get(buf) < #diagnostics
  end, 50)
  if not ok then return fail('the diagnostic did not go after the fix') end
  out(string.format('PASS in %.0f ms', (vim.loop.hrtime() - started) / 1e6))
  vim.cmd('qa!')
end, 0)
