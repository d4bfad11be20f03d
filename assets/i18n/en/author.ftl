# What 'check', 'playtest', 'graph', 'new' and 'stats' tell a scenario author.
# Ids, `code` names (like `unknown-node`), RON syntax and field names stay as
# they are in every language.

## Diagnostics: the words around every message.

diag-error = error
diag-warning = warning
diag-help = help: { $text }
diag-note = note: { $text }
diag-did-you-mean = did you mean "{ $name }"?

## Reading a file (load.rs).

load-too-large = file is { $len } bytes, over the { $max } byte limit
load-too-large-help = scenarios are small text files; pass --max-size BYTES to raise the limit
load-invalid-utf8 = invalid UTF-8 (byte { $byte })
load-invalid-utf8-help = scenario files must be UTF-8 text; re-save the file as UTF-8
load-empty-file = the file is empty
load-empty-file-help = a scenario starts with `Scenario(`; docs/scenario-format.md has a complete example
load-not-a-scenario = this is not a hotseat scenario: it starts with { $found }, where a scenario starts with `Scenario(`
load-not-a-scenario-map-help = a `{"{"}...{"}"}` map is a playtest answers file (or JSON); docs/scenario-format.md has a complete scenario
load-not-a-scenario-list-help = a list is not a scenario; docs/scenario-format.md has a complete scenario
load-not-a-scenario-help = docs/scenario-format.md has a complete scenario to start from
load-control-char = { $what } in the file
load-control-char-help = remove it; invisible control characters are not allowed in scenarios
load-control-char-more = { $n } more control characters not shown
load-control-char-more-help = is this a text file?
load-escaped-control = { $what } written as `{ $written }` in a string
load-escaped-control-help = remove it; control characters are not allowed in scenario text, however they are written
load-escaped-control-more = { $n } more escaped control characters not shown
load-parsed-control = { $what } in a string
load-parsed-control-help = remove it; control characters are not allowed in scenario text
hazard-nul = a NUL byte
hazard-line-separator = a line separator { $code }
hazard-bidi = a bidi control { $code }
hazard-control = control character { $code }
diag-unknown-format = unknown format { $found }
diag-unknown-format-help = this hotseat reads format { $version }

## RON's own errors, in plain words (load.rs).

ron-within = {" "}in `{ $outer }`
ron-takes-nothing-struct = this struct takes nothing here
ron-takes-nothing-enum = this enum takes nothing here
ron-expected-one-of = expected one of: { $list }
ron-this-value = this value
ron-must-be = { $subject } must be { $what }
ron-for-example = for example `{ $example }`
ron-unknown-field = unknown field "{ $found }"{ $within }
ron-unknown-variant = unknown variant "{ $found }"{ $within }
ron-missing-field = missing field "{ $field }"{ $within }
ron-missing-field-help = add `{ $field }: ...`; see docs/scenario-format.md
ron-duplicate-field = field "{ $field }" appears twice{ $within }
ron-duplicate-field-help = keep one of them
ron-wrong-struct-name = expected `{ $expected }(...)`, found `{ $found }(...)`
ron-wrong-struct-name-help = write `{ $expected }(` or leave the name out
ron-a-whole-number = a whole number
ron-a-number = a number
ron-a-tolerance = `Abs(...)` or `Percent(...)`
ron-a-string = a string in double quotes
ron-a-boolean = true or false
ron-a-list = a list in square brackets
ron-out-of-range = { $subject } is out of range
ron-out-of-range-help = use a whole number from 0 up; limits are in seconds
ron-expected-open = expected `(` to start { $what }
ron-expected-open-help = check that every bracket before this point is closed by the same kind
ron-expected-list-end = expected `]` to close the list
ron-expected-list-end-help = check for a missing comma or a `)` where `]` belongs
ron-expected-struct-end = expected `)` here
ron-expected-struct-end-help = check for a missing comma or a `]` where `)` belongs
ron-expected-identifier = expected a field name or value here
ron-stray-character = check for a stray character
ron-eof = unexpected end of file
ron-eof-help = a bracket, parenthesis or string is not closed
ron-too-deep = nesting is too deep (more than 128 levels)
ron-too-deep-help = scenarios never need this much nesting; check for runaway brackets
ron-unexpected-char = unexpected character '{ $char }'
ron-unexpected-char-help = check for a stray character or a missing comma or quote
ron-trailing = unexpected text after the end of the scenario
ron-trailing-help = a file holds exactly one `Scenario(...)`
ron-expected-comma = expected a comma
ron-expected-comma-help = separate fields and items with `,`
ron-bare-value = found `{ $found }` where a variant name belongs
ron-bare-value-help = wrap the value in its variant, e.g. `tolerance: Abs(5)` or `Var("x", AtLeast(0))` (see docs/scenario-format.md for each field's variants)
ron-string-end = string is not closed
ron-string-end-help = add the closing `"`
ron-invalid-value = { $subject }: expected { $expected }, found { $found }
ron-invalid-value-help = see docs/scenario-format.md for each field's type
ron-see-format = see docs/scenario-format.md
ron-struct-choice-option = a choice option
ron-struct-rule = a rule
ron-struct-transition = a transition like `(next: "id")`
ron-struct-node = a node
ron-struct-persona = the persona
ron-struct-scenario = the scenario

## Syntax mistakes taught in a coach's words (teach.rs).

teach-inner-quote = this `"` ends the string early: a quote inside a string must be escaped
teach-inner-quote-help = write `{ $fixed }`, or use a raw string: `{ $raw }`
teach-unit-seconds = `{ $field }` is a number of seconds, found `{ $found }`
teach-unit-minutes = `minutes` is a number of minutes, found `{ $found }`
teach-unit-plain = `{ $field }` is a plain number, found `{ $found }`
teach-unit-plain-this = `this field` is a plain number, found `{ $found }`
teach-unit-help = RON numbers carry no unit; write `{ $fixed }`
teach-missing-comma = a comma is missing here
teach-missing-comma-help = fields and items are separated by `,`; end this line `{ $fixed }` (before `{ $next }`)
teach-quoted-key = found the quoted field name `"{ $key }"`: RON field names are bare words
teach-quoted-key-help = JSON puts keys in quotes, RON does not; write `{ $fixed }`
teach-expects-on-timeout = `Overtime` or `Goto("node-id")`
teach-expects-language = one of En, Zh, Both
teach-expects-difficulty = one of Easy, Medium, Hard
teach-expects-tolerance = `Abs(0.5)` or `Percent(2.0)`
teach-expects-when = a condition such as `AnyOf(["..."])`
teach-string-for-variant = found the string "{ $shown }" where a variant name belongs
teach-string-for-variant-help = variant names are written bare, not in quotes: `difficulty: Medium`, `on_timeout: Goto("node-id")`, `Var("x", AtLeast(1))`
teach-field-takes-variant = `{ $field }` takes { $expects }, found the string "{ $shown }"
teach-field-takes-variant-help = variant names are written bare, not in quotes; write `{ $fixed }`
teach-list-for-one = `{ $tag }` takes one condition, found a list
teach-list-for-not-help = combine the list into one condition: { $example } (none of them holds; `And` for all of them)
teach-list-for-in-sentence-help = combine the list into one condition: { $example } (one sentence holds any of them; `And` for all of them)
teach-list-for-when = `when` takes one condition, found a list
teach-list-for-when-help = combine them: `{ $example }` (all of them; `Or` for any of them)
teach-unknown-escape = `{ $seq }` is not an escape in a RON string
teach-unknown-escape-regex-help = a regex keeps its backslashes in a raw string: write `{ $fixed }`, or double the backslash: `{ $doubled }`
teach-unknown-escape-help = for a backslash write `\\`: `{ $doubled }`, or use a raw string: `{ $raw }`
teach-wrong-argument = `{ $tag }` takes { $what }, found { $found }
teach-wrong-argument-string = `{ $tag }` takes { $what }, found the string { $found }
teach-wrong-argument-help = write the number alone, without quotes or `%`: `{ $shown }`

## Playtest answers files (playtest.rs, playtest/check.rs).

answers-forms = each answer is one of { $forms }
answers-unknown-kind = unknown answer kind "{ $found }"
answers-bare-value = found `{ $found }` where a field name belongs
answers-bare-value-help = answers name their fields: { $forms }
answers-expected-colon = expected `:` after the node id
answers-expected-colon-help = write `"node-id": [Text(text: "...")]`
answers-expected-map = expected a map of node ids to answers
answers-expected-map-help = an answers file is `{"{"} "node-id": [answers...], ... {"}"}`, one entry per node
answers-raw-identifier = found `{ $found }` where a field name belongs: answers name their fields, one of { $forms }
answers-ron-error = { $message }; each answer is one of { $forms }
answers-no-such-node-help = scenario "{ $scenario }" has no node with this id
answers-for-end = node "{ $id }" is an end node: this answer is never given
answers-for-end-help = remove it: an ending closes the interview without a question
answers-no-option = node "{ $id }" has { $n } options: there is no option { $pick }
answers-no-option-help = options count from 1, as the screen shows them: use 1 to { $n }
answers-options-are = the options are { $list }
answers-bad-label = node "{ $id }": { $problem }
answers-no-point = node "{ $id }" has { $n } talking points: there is no point { $p }
answers-no-point-help = points count from 1: use 1 to { $n }
answers-forms-choice = Choice(pick: 1) or Label(label: "...")
answers-forms-nothing = nothing
answers-wrong-kind = node "{ $id }" is { $kind ->
    [End] an End
   *[other] a { $kind }
} question: this answer does not fit it
answers-wrong-kind-help = answer it with { $forms }, or Pass() / Timeout
playtest-no-label = no option labelled "{ $label }"
playtest-label-ambiguous = "{ $label }" matches several options

## check's report (cli/check.rs).

check-errors = { $n ->
    [one] { $n } error
   *[other] { $n } errors
}
check-warnings = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}
check-summary = checked { $files ->
    [one] { $files } file
   *[other] { $files } files
}: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
check-list-separator = ,{" "}
check-hidden = ... and { $n } more { $n ->
    [one] problem
   *[other] problems
} in this file ({ $kinds }); --format json lists them all
check-cannot-read = cannot read { $path }: { $error }
check-cannot-read-entry = cannot read { $problem }
check-not-a-catalogue = { $path } is not a trap catalogue (expected `Catalogue(traps: [...])`)

## A scenario's meaning (validate.rs, own_traps.rs).

diag-bad-scenario-id = scenario id "{ $id }" is not valid
diag-bad-node-id = node id "{ $id }" is not valid
diag-bad-id-help = ids use lowercase letters, digits, `-` and `_`, and start with a letter or digit
diag-empty-field = `{ $field }` is empty
diag-empty-field-help = give it a short text
diag-bad-minutes = `minutes` is 0
diag-bad-minutes-help = estimate how long a typical run takes
diag-no-nodes = the scenario has no nodes
diag-no-nodes-help = add at least a start node and an end node
diag-duplicate-node = duplicate node id "{ $id }"
diag-duplicate-node-help = the first node with this id is at line { $line }; rename one of them
diag-empty-remarks = end node "{ $id }" has no closing remarks
diag-empty-remarks-help = say how the interviewer closes
diag-limit-on-end = end node "{ $id }" has a `limit_s`, which is ignored
diag-interject-on-end = end node "{ $id }" has an `interject`, which is never said
diag-no-clock-on-end-help = remove it: an end node asks nothing, so no clock runs there
diag-timeout-on-end = end node "{ $id }" has an `on_timeout`, which never applies
diag-timeout-on-end-help = remove it: an end node closes the interview at once
diag-over-time-unreachable = node "{ $id }" moves on when time runs out, so it cannot earn `over-time`
diag-over-time-unreachable-help = remove `over-time` from its traps, or use `on_timeout: Overtime`
diag-bad-competency = competency "{ $tag }" is not a valid tag
diag-bad-competency-help = tags look like `unit-economics`: lowercase letters, digits, `-` and `_`
diag-empty-prompt = node "{ $id }" has an empty prompt
diag-empty-prompt-help = write the interviewer's question in `prompt`
diag-empty-variant = variant { $n } of node "{ $id }" is empty
diag-empty-variant-help = remove it or write the question
diag-missing-limit = node "{ $id }" has no `limit_s`
diag-missing-limit-help = give every question a time limit in seconds, 1 to { $max }
diag-unknown-placeholder-var = the prompt shows variable "{ $name }", which no transition sets
diag-unknown-placeholder-node = the prompt shows node "{ $name }", which does not exist
diag-unknown-placeholder-var-help = `{"{"}name{"}"}` shows a variable some `set` changes; write `{"{"}{"{"}` for a literal brace
diag-unknown-placeholder-node-help = `{"{"}answer:node-id{"}"}` shows the latest answer to that node
diag-bad-interject = `left_s: { $left }` is not within the question's limit of { $limit } s
diag-bad-interject-help = `left_s` counts the seconds left when it is said: use 1 to { $max }
diag-empty-interject = the interjection's `text` is empty
diag-empty-interject-help = write what the interviewer says, e.g. "30 seconds left -- land it"
diag-bad-limit = `{ $field }` of { $limit } s is out of range
diag-bad-limit-help = use 1 to { $max } seconds
diag-choice-count = a Choice needs 2 to 9 options, this one has { $n }
diag-choice-count-help = options are picked with the keys 1-9
diag-empty-label = option { $n } has an empty label
diag-empty-label-help = write what the candidate picks
diag-expected-not-finite = `expected` must be a finite number
diag-expected-not-finite-help = write the correct answer as a plain number, e.g. `expected: 22.2`
diag-tolerance-not-finite = tolerance { $t } is not a finite number
diag-tolerance-not-finite-help = use a margin such as `Abs(0.5)` or `Percent(2.0)`
diag-negative-tolerance = tolerance { $t } is negative
diag-negative-tolerance-help = use 0 for an exact answer, or a positive margin
diag-percent-of-zero = a percentage of an expected 0 is 0: only exactly 0 is accepted
diag-percent-of-zero-help = use `Abs(...)` for an expected value of 0
diag-empty-solution = the worked solution is empty
diag-empty-solution-help = show the arithmetic; the debrief prints it
diag-no-talking-points = Spoken node "{ $id }" has no talking points to tick
diag-no-talking-points-help = list them in `talking_points`
diag-pass-too-high = `pass: { $pass }` but only { $n } talking points
diag-pass-too-high-help = use at most { $n }
diag-bad-partial-ratio = partial-credit ratio { $r } must be a number above 1
diag-bad-partial-ratio-help = `Ratio(2.0)` gives half credit to an answer within a factor of 2 of `expected`
diag-partial-of-zero = no answer is within a ratio of an expected 0, so `partial` never applies
diag-partial-of-zero-help = remove `partial`, or widen the `tolerance` instead
diag-close-without-partial = `close` is never taken without `partial`
diag-close-without-partial-help = add e.g. `partial: Ratio(2.0)`, or remove `close`
diag-unused-condition = named condition "{ $name }" is never used
diag-unused-condition-help = use it in a rule as `Named("{ $name }")`, or remove it
diag-no-end = the scenario has no end node
diag-no-end-help = add a node with `answer: End(remarks: "...")`
diag-so = so { $message }
diag-so-at-line = so { $message } (line { $line })
diag-unknown-node = unknown node id "{ $id }"
diag-unknown-node-help = no node has this id; check the `id` fields
diag-or-rename = {" "}(or, if the node's own id is the typo, rename node "{ $node }" to "{ $id }")
diag-or-rename-at-line = {" "}(or, if the node's own id is the typo, rename node "{ $node }" at line { $line } to "{ $id }")
diag-same-unknown-more = the same unknown id is written { $n } more times
diag-same-unknown-at-line = the same unknown id is also written at line { $line }
diag-same-unknown-at-lines = the same unknown id is also written at lines { $lines }
diag-minutes = { $min } min ({ $s } s)
diag-route-past-session-limit = the longest route takes up to { $total } of question time, past the session limit of { $limit }
diag-route-past-session-limit-help = route: { $route }; the session ends when its limit runs out, so raise `session_limit_s` or shorten the questions' `limit_s`
diag-session-timeout-unused = `on_session_timeout` is set but there is no `session_limit_s`
diag-session-timeout-unused-help = add a session-wide limit, or remove this field
diag-unreachable = node "{ $id }" cannot be reached from the start
diag-unreachable-help = link to it from another node, or remove it
diag-dead-end = node "{ $id }" is a dead end: no way out
diag-dead-end-help = add a transition to another node
diag-dead-end-answer-help = give it an answer that leads to another node
diag-no-way-out = node "{ $id }" is in a loop with no way out: no end node can be reached from it
diag-no-way-out-help = let at least one branch of the loop lead towards an end node
diag-bad-condition-name = condition name "{ $name }" is not valid
diag-bad-condition-name-help = names use lowercase letters, digits, `-` and `_`, like `gave-number`
diag-condition-cycle = named condition "{ $name }" refers back to itself: { $cycle }
diag-condition-cycle-help = a condition cannot be defined in terms of itself; write one of them out in full
diag-unknown-signal = unknown signal "{ $name }"
diag-unknown-signal-help = the signals you can extend are { $list }
diag-empty-phrases = the phrase list is empty
diag-empty-phrases-help = add a phrase, or remove the condition
diag-phrases-too-large = the phrase list is too large to compile: { $detail }
diag-phrases-too-large-help = split it into several conditions
diag-empty-phrase = an empty phrase matches everything
diag-empty-phrase-help = remove it
diag-bad-regex = the regex does not compile: { $detail }
diag-bad-regex-raw-help = patterns use the syntax of Rust's regex crate; in a raw string `r"..."` a literal bracket is written \( (one backslash)
diag-bad-regex-help = patterns use the syntax of Rust's regex crate; in a RON string a literal bracket is written \\(, or \( in a raw string `r"..."`
diag-undetectable-trap = trap "{ $id }" has no detection rules, so this condition is never true
diag-undetectable-trap-help = it comes from the clock or a choice; test a variable that choice sets instead
diag-unset-variable = variable "{ $name }" is never set, so it is always 0
diag-unset-variable-help = set it on a transition, e.g. `set: [Add("{ $name }", 1)]`
diag-unknown-condition = unknown condition "{ $name }"
diag-unknown-condition-define-help = define it in the file's `conditions`, e.g. `conditions: {"{"}"{ $name }": Number{"}"}`
diag-unknown-condition-help = named conditions come from the file's `conditions` map
diag-unknown-trap = unknown trap id "{ $id }"
diag-unknown-trap-help = trap ids come from the catalogue: `hotseat check` knows the bundled ones; add your own in <data dir>/traps.ron
diag-bad-trap-id = trap id "{ $id }" is not valid
diag-bad-trap-id-help = ids use lowercase letters, digits, `-` and `_`
diag-duplicate-trap = duplicate trap id "{ $id }"
diag-duplicate-trap-help = the first trap with this id is at line { $line }
diag-trap-already-bundled = trap "{ $id }" is already in the bundled catalogue
diag-trap-already-bundled-help = a user catalogue can only add traps; pick a new id
diag-empty-trap-text = `{ $field }` of trap "{ $id }" is empty
diag-empty-trap-text-help = the debrief shows it; write a sentence or two
own-trap-twice = trap "{ $id }" is defined twice
own-trap-twice-help = give each trap its own id
own-trap-twice-at-line-help = the first is at line { $line }
own-trap-empty-text-help = the debrief shows it
own-trap-adapt-help = did you mean to adapt the catalogue trap "{ $name }"? Otherwise add { $add }
own-trap-new-help = a new trap needs a title, why, instead and example: add { $add }
own-trap-new-text = trap "{ $id }" is new here and has no { $missing }
own-trap-or = {" "}or{" "}

## stats (coach/stats.rs): a label column, then the value.

stats-scenario = scenario
stats-nodes = nodes
stats-nodes-value = { $n } ({ $q } questions, { $e } ends)
stats-edges = edges
stats-shortest = shortest
stats-shortest-value = { $q } questions; { $min } min
stats-longest = longest
stats-route = { $q } { $q ->
    [one] question
   *[other] questions
}, { $min } min
stats-no-end = no end can be reached
stats-at-least = at least{" "}
stats-paths = paths
stats-traps = traps
stats-competencies = competencies
stats-timeout-only = timeout only
stats-unreachable = unreachable

## playtest (playtest.rs, cli/playtest.rs, cli/all_paths.rs).

playtest-path = Path: { $path }
playtest-missing = no answer for node "{ $node }" (visit { $visit }); add one to the answers file
playtest-invalid = node "{ $node }": { $message }
playtest-runaway = the session did not finish after { $steps } steps; is there a loop in the answers?
playtest-unknown-nodes = the answers file names nodes the scenario does not have: { $ids }
playtest-timeout-untimed = Timeout on an untimed question
playtest-bad-pick = choice { $pick } is not one of 1..={ $n }
playtest-bad-point = talking point { $p } is not one of 1..={ $n }
playtest-number-rejected = the number was not accepted
playtest-not-a-choice = this question is not a Choice
coverage-summary = { $scenario }: { $covered }/{ $edges } edges covered by { $paths } synthesised { $paths ->
    [one] path
   *[other] paths
} ({ $states } states explored)
coverage-summary-capped = { $scenario }: { $covered }/{ $edges } edges covered by { $paths } synthesised { $paths ->
    [one] path
   *[other] paths
} ({ $states } states explored, search limit reached)
coverage-edges-missed = no synthesised path takes these edges:
coverage-nodes-missed = no synthesised path reaches these nodes:
coverage-complete = every edge and node is reached
answers-step-forms = Text(text: "..."), Choice(pick: 1) (options count from 1), Label(label: "..."), Number(value: 22.5), Spoken(points: [1, 2], text: "..."), Pass(), Timeout; add `after_s: 30` to any but Timeout

## new (cli/new.rs).

new-not-ron = scenario files end in .ron (hotseat finds them by that): try { $path }.ron
new-copy-of = a copy of { $id }
new-no-bundled = no bundled scenario with id "{ $id }"{ $hint }
new-no-bundled-did-you-mean = ; did you mean "{ $name }"?
new-no-bundled-list = ; bundled: { $ids }
new-template = the { $template } template ({ $lang })
new-exists = { $path } already exists; pass --force to overwrite it
new-cannot-write = cannot write { $path }: { $error }
new-bundled-id = note: "{ $id }" is also a bundled scenario's id; rename { $path } before putting it among your scenarios
new-wrote =
    wrote { $path }: { $what }, id "{ $id }"
    next: hotseat check { $path }
    {"      "}hotseat run { $path }

## check --watch (cli/watch.rs).

watch-separator = ----- re-checking after a change -----
watch-cannot-watch = cannot watch for changes: { $error }
watch-cannot-watch-path = cannot watch { $path }: { $error }
watch-watching = watching for changes; Ctrl-C stops
watch-error = watching: { $error }

## The user's trap catalogue, <data dir>/traps.ron (traps.rs).

catalogue-duplicate = trap id "{ $id }" is already in the catalogue
catalogue-duplicate-condition = condition "{ $name }" is already defined in the bundled catalogue
catalogue-rule = trap "{ $id }", detection rule { $rule }: { $message } (left out; `hotseat check { $path }` shows where)

## Stand-alone nodes, for drills (scenario/validate.rs).

diag-standalone-end = end node "{ $id }" is marked `standalone`, but only a question can be asked on its own
diag-standalone-end-help = remove `standalone: true` from the end node; mark the questions a drill may ask instead
diag-standalone-depends = stand-alone node "{ $id }" depends on earlier answers through `{ $what }`, but a drill asks it without them
diag-standalone-depends-help = reword the question so it stands on its own, or remove `standalone: true`
