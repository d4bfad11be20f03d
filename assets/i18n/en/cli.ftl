# What the commands say to a person (not JSON): confirmations, lists, summaries.

## hotseat run, resume and the picker's start.
cli-needs-terminal = the interview needs a terminal; for scripts use `hotseat list` or `hotseat check`
cli-session-live-in = session { $id } is live in { $holder }
cli-session-finished = session { $id } is finished; `hotseat debrief { $id }` shows it
cli-cannot-append = cannot append to { $path }: { $error }
cli-cannot-read = cannot read { $error }
cli-no-scenario-did-you-mean = no scenario with id "{ $id }"; did you mean "{ $suggestion }"?
cli-no-scenario = no scenario with id "{ $id }"; `hotseat list` shows them
cli-is-catalogue = { $path } is not a scenario: it is a trap catalogue (install it as <data dir>/traps.ron)
cli-is-answers = { $path } is not a scenario: it is a playtest answers file (`hotseat playtest SCENARIO --answers FILE` plays it)
cli-has-errors = { $path } has errors; fix them and try again

## hotseat sessions, debrief, export.
sessions-none = No sessions yet: `hotseat` starts one.
sessions-col-id = ID
sessions-col-status = STATUS
sessions-col-time = TIME
sessions-col-traps = TRAPS
sessions-col-verdict = VERDICT
sessions-col-title = TITLE
sessions-modified = [modified]
sessions-too-large = larger than { $bytes } bytes: not summarised here
sessions-long-answer = an answer of about { $chars } characters: not summarised here
sessions-not-removed = not removed: { $error }
sessions-not-removed-path = { $path }: { $error }; not removed
sessions-live-end-first = session { $id } is live (being recorded by { $holder }); end it first
sessions-cannot-lock = cannot lock { $id }: { $error }
sessions-removed = Removed { $id }
sessions-warn-modified = warning: session { $id }: its scenario text does not match the recorded sha256 (edited after recording); using it as it is
sessions-note-judging = note: session { $id }: { $note }
sessions-warn-damaged = warning: session { $id } is damaged: { $why }
sessions-annotations = Coach's annotations
export-cannot-bundle = cannot bundle { $id }
export-bundling-as-is = warning: bundling { $id } as it is: { $why }
export-cannot-write-bundle = cannot write the bundle
export-bundled = Bundled { $id } into { $dir }
export-cannot-replay = cannot replay
export-wrote-debrief = wrote the debrief to { $path }
export-cannot-write-markdown = cannot write the Markdown
export-wrote-frames = wrote { $n } frames to { $path }
export-cannot-write-asciicast = cannot write the asciicast

## hotseat assess and list.
assess-cannot-read-stdin = cannot read standard input: { $error }
assess-trap = trap { $id }: { $title }
assess-triggered-by = triggered by { $quotes }
assess-no-traps = No traps.
assess-signals = signals: { $words } words ({ $latin } Latin, { $cjk } CJK), { $structured ->
    [yes] structured
   *[no] no structure markers
}

list-col-id = ID
list-col-lang = LANG
list-col-min = MIN
list-col-nodes = NODES
list-col-title = TITLE
list-errors = { $title }  [{ $n } error(s): { $first }]
catalogue-and-more = (and { $n } more)

## Reading session files.
read-empty = { $path }: empty file (nothing was recorded)
read-not-a-session = { $path }: not a hotseat session file (line 1 should be "{ $first }")
read-too-new = { $path }: session format { $found } is newer than this hotseat reads ({ $reads })
read-header = { $path }: the header (line 2) is damaged: { $problem }
read-scenario = { $path }: the recorded scenario does not load: { $problem }
find-none = no sessions yet (looked in { $dir })
find-not-found = no session "{ $id }"; `hotseat sessions` lists them
find-no-data-dir = no data directory: set HOTSEAT_DATA_DIR

## A session's status, as `hotseat sessions` names it.
status-live = live
status-finished = finished
status-quit = quit
status-interrupted = interrupted
status-damaged = damaged

## Looking for scenario files.
library-stopped-entries = stopped looking for scenarios under { $root } after { $n } entries; point HOTSEAT_SCENARIO_PATH at a smaller directory
library-stopped-depth = did not look for scenarios more than { $n } directories deep under { $root }
library-cannot-read = cannot read the file: { $error }
library-cannot-read-help = check the file's permissions


## The session index (issue 17).
index-unavailable = the session index cannot be used ({ $error }); reading the session files instead
sessions-reindexed = { $n ->
    [one] Indexed { $n } session.
   *[other] Indexed { $n } sessions.
}
