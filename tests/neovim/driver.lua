-- Drives headless Neovim as a user would: open the file (the config under test starts the
-- server), wait for its diagnostics, ask for the code actions on the first one, apply the
-- preferred quick fix, write the buffer, wait for the diagnostics that follow. Everything seen
-- is written as JSON to $HS_NVIM_OUT for the Python test to assert on.
local result = { diagnostics = {}, actions = {}, after = {} }

local function finish(problem)
  result.error = problem
  local out = io.open(vim.env.HS_NVIM_OUT, "w")
  out:write(vim.fn.json_encode(result))
  out:close()
  vim.cmd("qall!")
end

local function snapshot(buf)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(seen, {
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      source = d.source,
      message = d.message,
    })
  end
  table.sort(seen, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return seen
end

local ok, problem = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(vim.env.HS_NVIM_FILE))
  local buf = vim.api.nvim_get_current_buf()
  if not vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    return "no diagnostics within 60 s"
  end
  result.diagnostics = snapshot(buf)
  local first = result.diagnostics[1]
  -- Neovim keeps byte columns; the request speaks the server's UTF-16.
  local line = vim.api.nvim_buf_get_lines(buf, first.lnum, first.lnum + 1, true)[1]
  local _, start16 = vim.str_utfindex(line, first.col)
  local _, end16 = vim.str_utfindex(line, first.end_col)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = {
      start = { line = first.lnum, character = start16 },
      ["end"] = { line = first.lnum, character = end16 },
    },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, first.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 30000)
  local chosen
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      if action.isPreferred and chosen == nil then
        chosen = action
      end
    end
  end
  if chosen == nil then
    return "no preferred quick fix"
  end
  result.applied = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
  vim.cmd("write")
  local before = #result.diagnostics
  vim.wait(30000, function() return #vim.diagnostic.get(buf) < before end, 20)
  result.after = snapshot(buf)
end)
finish(ok and problem or (not ok and tostring(problem)) or nil)
