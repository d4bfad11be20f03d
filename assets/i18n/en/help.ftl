# The command line's own help (`--help`, `help`) and clap's usage errors.
# Each English text is the doc comment of its command or flag in src/cli
# (a test holds them equal); ids follow the command path and the flag:
# help-cmd-sessions-rm, help-arg-run-seed, help-value-run-pace-untimed.

## Headings and clap's words around the texts.
help-usage = Usage:{" "}
help-heading-commands = Commands:
help-heading-arguments = Arguments:
help-heading-options = Options:
help-default = [default: { $value }]
help-possible-values = [possible values: { $values }]
help-possible-values-heading = Possible values:
help-colon = :{" "}
help-flag-help = Print help
help-flag-help-short = Print help (see more with '--help')
help-flag-help-long = Print help (see a summary with '-h')
help-flag-version = Print version
help-cmd-help = Print this message or the help of the given subcommand(s)

## hotseat itself.
help-about = Rehearse hard job interviews in your terminal.
help-arg-lang = The language to speak: en or zh. Without it: HOTSEAT_LANG, then the one chosen in the picker, then the locale

## hotseat check
help-cmd-check = Check scenario files and report every problem with its location
help-arg-check-paths = Scenario files, or directories to search for `*.ron` files
help-arg-check-format = Output format
help-arg-check-deny-warnings = Treat warnings as errors
help-arg-check-max-size = Refuse files larger than this many bytes
help-arg-check-watch = Keep running: check again whenever a watched file is saved (Ctrl-C stops)
help-arg-check-scenario = The scenario (id or file) that playtest answers files among PATH answer: their node ids, options and talking points are checked against it. Without it, an answers file named `<scenario-id>.*.ron` is checked against that scenario when one has the id
help-arg-check-traps = An extra trap catalogue, such as a team's shared one: scenarios may name its traps as if installed in <data dir>/traps.ron, and the file itself is checked too

## hotseat list
help-cmd-list = List bundled and user scenarios
help-arg-list-json = Print a JSON array instead of a table

## hotseat run
help-cmd-run = Start an interview now, clock running
help-arg-run-scenario = A scenario id (see `hotseat list`) or a scenario file
help-arg-run-seed = Seed for drawing question variants: the same seed asks the same questions
help-arg-run-pace = How hard the clock pushes: untimed, relaxed (1.5×), real, pressure (0.75×)
help-value-run-pace-untimed = No limits at all
help-value-run-pace-relaxed = 1.5× every limit
help-value-run-pace-real = The limits as written
help-value-run-pace-pressure = 0.75× every limit
help-arg-run-no-record = Do not record this session

## hotseat assess
help-cmd-assess = Run the trap rules on one answer and show its signals
help-arg-assess-text = The answer text, or `-` to read it from standard input
help-arg-assess-json = Print JSON
help-arg-assess-competencies = Assess as an answer to a question with this competency (repeatable); rules scoped to other competencies then stay silent

## hotseat playtest
help-cmd-playtest = Play a scenario with scripted answers and print the debrief, or (--all-paths) synthesise answers for every branch and report coverage
help-arg-playtest-scenario = A scenario id or file
help-arg-playtest-answers = The scripted answers (RON): node id → answers, one per visit
help-arg-playtest-all-paths = Synthesise answers for every branch instead, and report which edges and nodes no synthesised path reaches (exit 1 when there are any)
help-arg-playtest-seed = Seed for question variants
help-arg-playtest-json = Print JSON: the path and the debrief (with --all-paths: the coverage)
help-arg-playtest-record = Record the scripted session like a live one, under <data dir>/sessions/

## hotseat graph
help-cmd-graph = Draw a scenario's question graph as Graphviz DOT or a Mermaid flowchart
help-arg-graph-scenario = A scenario id (see `hotseat list`) or a scenario file
help-arg-graph-format = Output format
help-value-graph-format-dot = Graphviz: `hotseat graph ID | dot -Tsvg > graph.svg`
help-value-graph-format-mermaid = A Mermaid `flowchart TD`, for Markdown that renders Mermaid

## hotseat stats
help-cmd-stats = Size, shortest and longest routes, path count and reach of a scenario
help-arg-stats-scenario = A scenario id (see `hotseat list`) or a scenario file
help-arg-stats-json = Print JSON (fields documented in docs/authoring.md)

## hotseat new
help-cmd-new = Write a starter scenario (or a copy of a bundled one) to adapt
help-arg-new-path = The file to write (`*.ron`); its name becomes the scenario id
help-arg-new-template = Which starter to write
help-value-new-template-basic = One free-text question with a follow-up, and a choice
help-value-new-template-case = Structure, a calculation, a timeout branch and a spoken pitch
help-value-new-template-negotiation = An offer negotiation with a counter and a trap option
help-arg-new-from = Copy a bundled scenario instead (see `hotseat list`), under the new id
help-arg-new-force = Overwrite PATH if it exists

## hotseat sessions, debrief, replay, export, resume
help-cmd-sessions = List recorded sessions, newest first (`sessions rm ID` deletes one)
help-arg-sessions-json = Print JSON
help-cmd-sessions-rm = Delete a recorded session (and its annotations)
help-arg-sessions-rm-id = The session id (see `hotseat sessions`)
help-cmd-debrief = Rebuild a recorded session's debrief from its file
help-arg-debrief-session = A session id, `latest`, or a session file
help-cmd-replay = Replay a recorded session full-screen, with seeking and annotations
help-arg-replay-session = A session id, `latest`, or a session file
help-cmd-export = Export a session: an asciicast, the debrief as Markdown, or a bundle
help-arg-export-session = A session id, `latest`, or a session file
help-arg-export-asciicast = Write the replay as an asciicast v2 file (plays in asciinema)
help-arg-export-markdown = Write the debrief as Markdown
help-arg-export-bundle = Copy the session and its annotations into DIR, to send to a coach
help-cmd-resume = Carry on an interrupted or quit session
help-arg-resume-session = A session id or `latest`

## hotseat completions, man
help-cmd-completions = Print a shell completion script (bash, zsh or fish) on standard output
help-arg-completions-shell = The shell to complete in
help-cmd-man = Print the manual page (roff) on standard output: `hotseat man | man -l -`

## Usage errors (clap's wording; only shown translated, English keeps clap's own).
error-prefix = error:{" "}
error-tip = tip:{" "}
error-tip-pass-as-value = to pass '{ $arg }' as a value, use '-- { $arg }'
error-more = For more information, try '{ $flag }'.
error-unknown-argument = unexpected argument '{ $arg }' found
error-unknown-subcommand = unrecognized subcommand '{ $name }'
error-invalid-value = invalid value '{ $value }' for '{ $arg }'
error-value-required = a value is required for '{ $arg }' but none was supplied
error-possible-values = possible values
error-valid-list = [{ $noun }: { $values }]
error-missing-required = the following required arguments were not provided:
error-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
error-noun-subcommands = subcommands
error-repeated = the argument '{ $arg }' cannot be used multiple times
error-conflict = the argument '{ $arg }' cannot be used with
error-conflict-others = one or more of the other specified arguments
error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
error-no-equals = equal sign is needed when assigning values to '{ $arg }'
error-other = { $what }
error-noun-subcommand = subcommand
error-noun-argument = argument
error-noun-value = value
error-similar = { $n ->
    [one] a similar { $kind } exists: { $names }
   *[other] some similar { $kind }s exist: { $names }
}

## The session index (issue 17).
help-arg-sessions-reindex = Rebuild the session index from the session files, and say how many were indexed

## hotseat drill (issue 17).
help-cmd-drill = Practise the traps you fall into most with stand-alone questions
help-arg-drill-trap = Drill only this trap (an id from the catalogue or a scenario)
help-arg-drill-competency = Only questions tagged with this competency
help-arg-drill-minutes = Question time to fill, in minutes (the questions' limits summed)
help-arg-drill-dry-run = Print the plan instead of starting the drill
help-arg-drill-json = With --dry-run: print the plan as JSON
## hotseat cohort (issue 17).
help-cmd-cohort = Aggregate many candidates' bundles for a coach: falls per trap, timing, endings
help-arg-cohort-paths = Bundles (folders of .session files) or folders of bundles
help-arg-cohort-json = Print JSON (see docs/cohort.md)
help-arg-cohort-csv = Print CSV: one row per trap fallen into per question, and one per clean session
help-arg-cohort-format = Print text or Markdown tables
help-arg-export-candidate = Name the candidate in the bundle (written to DIR/candidate.txt)
help-cmd-progress = How your sessions went over time: traps, competency scores, verdicts, time per question, and what to practise next
help-arg-progress-json = Print JSON (the same as --format json)
help-arg-progress-format = Output format: text, md (Markdown) or json
help-arg-progress-since = Only sessions started on or after this day (YYYY-MM-DD, UTC) or moment (RFC 3339)
help-arg-progress-scenario = Only sessions of this scenario id
