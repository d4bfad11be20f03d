## hotseat drill

# The drill scenario (practice/drill.rs): its title names the targets.
drill-title = Drill: { $targets }
drill-company = hotseat
drill-role = Drill
drill-description = Stand-alone questions from several scenarios, aimed at the traps you fall into most: { $n } in all.
drill-remarks = That's the drill. Read the debrief, then drill again in a day or two.

# Problems (cli/drill.rs).
drill-unknown-trap = unknown trap id "{ $id }"; close ids: { $close }
drill-unknown-trap-none = unknown trap id "{ $id }"; the ids are: { $all }
drill-bad-minutes = --minutes takes 1 to { $max }, not { $given }
drill-json-needs-dry-run = --json prints a drill's plan: use it with --dry-run
drill-no-questions = no stand-alone question matches{ $what }; authors mark them with `standalone: true` (docs/scenario-format.md)
drill-no-questions-trap = { " " }trap "{ $trap }"
drill-no-questions-competency = { " " }competency "{ $competency }"

# The plan (--dry-run).
drill-plan-first = First drill: no recorded sessions yet, so it covers the traps stand-alone questions guard.
drill-plan-head = A drill of { $n ->
    [one] one question
   *[other] { $n } questions
    }, { $used } of question time (asked for { $minutes } min).
drill-plan-targets = Targets, in practise order:
drill-plan-target = { $trap }: { $falls ->
    [0] never fallen into
    [one] fallen into once, last { $last }
   *[other] fallen into { $falls } times, last { $last }
    }
drill-plan-receded = { " " }(receded: answered cleanly in three sessions in a row)
drill-plan-questions = Questions, in the order asked:
drill-plan-question = { $n }. { $scenario }: “{ $prompt }” ({ $limit })
drill-plan-for = for: { $target }
drill-plan-run = Start it with the same flags, without --dry-run.
drill-plan-also = Also asked along the way: { $traps }
drill-plan-wordings = (asked in these words or { $n ->
    [one] another wording
   *[other] one of { $n } other wordings
    }, drawn when the drill starts)
drill-unknown-competency = no stand-alone question is tagged with competency "{ $competency }"; those tagged: { $all }
