# 命令行自己的帮助（`--help`、`help`）和 clap 的用法错误。
# id 与英文文件相同；英文是 src/cli 里各命令、各选项的文档注释。

## 标题和 clap 在正文周围的用语
help-usage = 用法：
help-heading-commands = 命令：
help-heading-arguments = 参数：
help-heading-options = 选项：
help-default = [默认：{ $value }]
help-possible-values = [可选值：{ $values }]
help-possible-values-heading = 可选值：
help-colon = ：
help-flag-help = 显示帮助
help-flag-help-short = 显示帮助（用 '--help' 看详细说明）
help-flag-help-long = 显示帮助（用 '-h' 看摘要）
help-flag-version = 显示版本
help-cmd-help = 显示本帮助，或指定子命令的帮助

## hotseat 本身
help-about = 在终端里排练高难度的求职面试。
help-arg-lang = 使用的语言：en 或 zh。不指定时依次看 HOTSEAT_LANG、在场景选择界面里选过的语言、系统区域设置

## hotseat check
help-cmd-check = 检查场景文件，报告每个问题及其位置
help-arg-check-paths = 场景文件，或要在其中查找 `*.ron` 文件的目录
help-arg-check-format = 输出格式
help-arg-check-deny-warnings = 把警告当作错误
help-arg-check-max-size = 拒绝大于这么多字节的文件
help-arg-check-watch = 持续运行：被监视的文件每次保存后重新检查（Ctrl-C 停止）
help-arg-check-scenario = PATH 中试演答案文件所回答的场景（id 或文件）：答案里的节点 id、选项和要点都按它核对。不指定时，名为 `<场景id>.*.ron` 的答案文件按同 id 的场景核对（如果有这个场景）
help-arg-check-traps = 额外的陷阱目录，比如团队共用的那份：场景可以像它已装在 <数据目录>/traps.ron 一样引用其中的陷阱，这个文件本身也会被检查

## hotseat list
help-cmd-list = 列出内置场景和用户场景
help-arg-list-json = 输出 JSON 数组而不是表格

## hotseat run
help-cmd-run = 立即开始一场面试，开始计时
help-arg-run-scenario = 场景 id（见 `hotseat list`）或场景文件
help-arg-run-seed = 抽取题目变体用的种子：同一个种子问同样的问题
help-arg-run-pace = 计时的紧张程度：untimed（不限时）、relaxed（1.5 倍）、real（原样）、pressure（0.75 倍）
help-value-run-pace-untimed = 完全不限时
help-value-run-pace-relaxed = 每个时限放宽到 1.5 倍
help-value-run-pace-real = 时限按场景所写
help-value-run-pace-pressure = 每个时限缩短到 0.75 倍
help-arg-run-no-record = 不录制这场面试

## hotseat assess
help-cmd-assess = 用陷阱规则评估一段回答，显示命中的信号
help-arg-assess-text = 回答的文字，或用 `-` 从标准输入读取
help-arg-assess-json = 输出 JSON
help-arg-assess-competencies = 当作回答考察这项能力的问题来评估（可重复）；只针对其他能力的规则不会触发

## hotseat playtest
help-cmd-playtest = 用写好的答案试演一个场景并输出复盘，或（--all-paths）为每个分支合成答案并报告覆盖情况
help-arg-playtest-scenario = 场景 id 或场景文件
help-arg-playtest-answers = 写好的答案（RON）：节点 id → 答案，每次到达用一个
help-arg-playtest-all-paths = 改为给每个分支合成答案，报告哪些边和节点没有任何合成路径到达（有则退出码为 1）
help-arg-playtest-seed = 题目变体的种子
help-arg-playtest-json = 输出 JSON：路径和复盘（用 --all-paths 时：覆盖情况）
help-arg-playtest-record = 像真实面试一样录制这场试演，存到 <数据目录>/sessions/

## hotseat graph
help-cmd-graph = 把场景的问题图画成 Graphviz DOT 或 Mermaid 流程图
help-arg-graph-scenario = 场景 id（见 `hotseat list`）或场景文件
help-arg-graph-format = 输出格式
help-value-graph-format-dot = Graphviz：`hotseat graph ID | dot -Tsvg > graph.svg`
help-value-graph-format-mermaid = Mermaid 的 `flowchart TD`，用于能渲染 Mermaid 的 Markdown

## hotseat stats
help-cmd-stats = 场景的规模、最短和最长路线、路径数和可达性
help-arg-stats-scenario = 场景 id（见 `hotseat list`）或场景文件
help-arg-stats-json = 输出 JSON（字段说明见 docs/authoring.md）

## hotseat new
help-cmd-new = 写出一个入门场景（或一份内置场景的副本）供你改写
help-arg-new-path = 要写入的文件（`*.ron`）；文件名就是场景 id
help-arg-new-template = 写哪种入门场景
help-value-new-template-basic = 一道带追问的自由作答题，加一道选择题
help-value-new-template-case = 框架、计算、超时分支和口头陈述
help-value-new-template-negotiation = 一场 offer 谈判，含还价和一个陷阱选项
help-arg-new-from = 改为复制一个内置场景（见 `hotseat list`），使用新的 id
help-arg-new-force = PATH 已存在时覆盖它

## hotseat sessions、debrief、replay、export、resume
help-cmd-sessions = 列出录制的场次，最新的在前（`sessions rm ID` 删除一场）
help-arg-sessions-json = 输出 JSON
help-cmd-sessions-rm = 删除一场录制（连同它的批注）
help-arg-sessions-rm-id = 场次 id（见 `hotseat sessions`）
help-cmd-debrief = 根据录制文件重建一场面试的复盘
help-arg-debrief-session = 场次 id、`latest` 或场次文件
help-cmd-replay = 全屏回放一场录制，可跳转、可批注
help-arg-replay-session = 场次 id、`latest` 或场次文件
help-cmd-export = 导出一场录制：asciicast、Markdown 格式的复盘，或一个打包目录
help-arg-export-session = 场次 id、`latest` 或场次文件
help-arg-export-asciicast = 把回放写成 asciicast v2 文件（可用 asciinema 播放）
help-arg-export-markdown = 把复盘写成 Markdown
help-arg-export-bundle = 把场次和它的批注复制到 DIR，方便发给教练
help-cmd-resume = 继续一场中断或退出的面试
help-arg-resume-session = 场次 id 或 `latest`

## hotseat completions、man
help-cmd-completions = 在标准输出打印 shell 补全脚本（bash、zsh 或 fish）
help-arg-completions-shell = 要补全的 shell
help-cmd-man = 在标准输出打印手册页（roff）：`hotseat man | man -l -`

## 用法错误
error-prefix = 错误：
error-tip = 提示：
error-tip-pass-as-value = 要把 '{ $arg }' 当作值传入，请写成 '-- { $arg }'
error-more = 更多信息请运行 '{ $flag }'。
error-unknown-argument = 无法识别的参数 '{ $arg }'
error-unknown-subcommand = 无法识别的子命令 '{ $name }'
error-invalid-value = '{ $arg }' 的值 '{ $value }' 无效
error-value-required = '{ $arg }' 需要一个值，但没有提供
error-possible-values = 可选值
error-valid-list = [{ $noun }：{ $values }]
error-missing-required = 缺少以下必需的参数：
error-missing-subcommand = '{ $name }' 需要一个子命令，但没有提供
error-noun-subcommands = 子命令
error-repeated = 参数 '{ $arg }' 只能使用一次
error-conflict = 参数 '{ $arg }' 不能与以下参数同时使用：
error-conflict-others = 其他已指定的参数中的一个或多个
error-too-many-values = '{ $arg }' 多出了值 '{ $value }'，不需要更多的值
error-no-equals = 给 '{ $arg }' 赋值时需要用等号
error-other = { $what }
error-noun-subcommand = 子命令
error-noun-argument = 参数
error-noun-value = 值
error-similar = 有相近的{ $kind }：{ $names }

## The session index (issue 17).
help-arg-sessions-reindex = 根据场次文件重建会话索引，并说明索引了多少个场次

## hotseat drill (issue 17).
help-cmd-drill = 用可单独作答的题目，专练你最常掉进的陷阱
help-arg-drill-trap = 只练这一个陷阱（陷阱目录或某个场景中的 id）
help-arg-drill-competency = 只选标了这项能力的题目
help-arg-drill-minutes = 要填满的答题时间，单位分钟（各题时限相加）
help-arg-drill-dry-run = 只显示练习计划，不开始练习
help-arg-drill-json = 与 --dry-run 一起用：以 JSON 输出练习计划
## hotseat cohort（议题 17）。
help-cmd-cohort = 为教练汇总多位候选人的会话包：各陷阱的踩中次数、用时和结束方式
help-arg-cohort-paths = 会话包（装着 .session 文件的文件夹），或存放会话包的文件夹
help-arg-cohort-json = 输出 JSON（见 docs/cohort.md）
help-arg-cohort-csv = 输出 CSV：每道题每个踩中的陷阱一行，没有踩中陷阱的会话也各占一行
help-arg-cohort-format = 以文本或 Markdown 表格输出
help-arg-export-candidate = 在会话包中写明候选人姓名（写入 DIR/candidate.txt）
## hotseat progress 与进度页
help-cmd-progress = 看各场面试随时间的变化：陷阱、能力得分、评价、每题用时，以及接下来练什么
help-arg-progress-json = 输出 JSON（等同于 --format json）
help-arg-progress-format = 输出格式：text、md（Markdown）或 json
help-arg-progress-since = 只看这一天（YYYY-MM-DD，UTC）或这一时刻（RFC 3339）之后开始的场次
help-arg-progress-scenario = 只看这个场景 id 的场次
