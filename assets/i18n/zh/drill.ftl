## hotseat drill

# The drill scenario (practice/drill.rs): its title names the targets.
drill-title = 专项练习：{ $targets }
drill-company = hotseat
drill-role = 专项练习
drill-description = 从多个场景中挑出的可单独作答的题目，专练你最常掉进的陷阱，共 { $n } 道。
drill-remarks = 这轮专项练习到此结束。先看复盘，过一两天再练一次。

# Problems (cli/drill.rs).
drill-unknown-trap = 没有 id 为 "{ $id }" 的陷阱；相近的 id：{ $close }
drill-unknown-trap-none = 没有 id 为 "{ $id }" 的陷阱；现有的 id：{ $all }
drill-bad-minutes = --minutes 的取值是 1 到 { $max }，不能是 { $given }
drill-json-needs-dry-run = --json 输出的是练习计划，请和 --dry-run 一起用
drill-no-questions = 没有{ $what }可单独作答的题目；场景作者用 `standalone: true` 标记这类题目（见 docs/scenario-format.md）
drill-no-questions-trap = 针对陷阱 "{ $trap }" 的
drill-no-questions-competency = 考察能力 "{ $competency }" 的

# The plan (--dry-run).
drill-plan-first = 第一次专项练习：还没有录下的面试记录，所以覆盖所有单独作答题目考察的陷阱。
drill-plan-head = 本次专项练习共 { $n } 道题，答题时间合计 { $used }（你要求 { $minutes } 分钟）。
drill-plan-targets = 练习目标，按优先顺序：
drill-plan-target = { $trap }：{ $falls ->
    [0] 还没掉进去过
   *[other] 掉进去 { $falls } 次，最近一次 { $last }
    }
drill-plan-receded = （已淡出：连续三场答得干净）
drill-plan-questions = 题目，按提问顺序：
drill-plan-question = { $n }. { $scenario }：“{ $prompt }”（{ $limit }）
drill-plan-for = 针对：{ $target }
drill-plan-run = 去掉 --dry-run、用同样的参数即可开始。
drill-plan-also = 顺带也会考到：{ $traps }
drill-plan-wordings = （开始时在这种问法和另外 { $n } 种问法中抽一种）
drill-unknown-competency = 没有单独作答的题目标注了能力项“{ $competency }”；已标注的有：{ $all }
