# What 'check', 'playtest', 'graph', 'new' and 'stats' tell a scenario author.
# 标识符、诊断代码（如 `unknown-node`）、RON 语法和字段名在各语言中保持原样。

## 诊断：每条消息周围的词。

diag-error = 错误
diag-warning = 警告
diag-help = 提示：{ $text }
diag-note = 附注：{ $text }
diag-did-you-mean = 是不是想写 "{ $name }"？

## 读取文件（load.rs）。

load-too-large = 文件有 { $len } 字节，超过了 { $max } 字节的上限
load-too-large-help = 场景是小型文本文件；如需放宽上限，请加 --max-size BYTES
load-invalid-utf8 = 不是有效的 UTF-8（字节 { $byte }）
load-invalid-utf8-help = 场景文件必须是 UTF-8 文本；请以 UTF-8 编码重新保存
load-empty-file = 文件是空的
load-empty-file-help = 场景以 `Scenario(` 开头；docs/scenario-format.md 里有完整示例
load-not-a-scenario = 这不是 hotseat 场景：它以 { $found } 开头，而场景应以 `Scenario(` 开头
load-not-a-scenario-map-help = `{"{"}...{"}"}` 形式的映射是试演答案文件（或 JSON）；docs/scenario-format.md 里有完整的场景
load-not-a-scenario-list-help = 列表不是场景；docs/scenario-format.md 里有完整的场景
load-not-a-scenario-help = 可以从 docs/scenario-format.md 里的完整场景开始写
load-control-char = 文件中有{ $what }
load-control-char-help = 请删除它；场景中不允许出现不可见的控制字符
load-control-char-more = 另有 { $n } 个控制字符未列出
load-control-char-more-help = 这是文本文件吗？
load-escaped-control = 字符串中以 `{ $written }` 写入了{ $what }
load-escaped-control-help = 请删除它；无论以何种方式书写，场景文本中都不允许出现控制字符
load-escaped-control-more = 另有 { $n } 个转义写出的控制字符未列出
load-parsed-control = 字符串中有{ $what }
load-parsed-control-help = 请删除它；场景文本中不允许出现控制字符
hazard-nul = 一个 NUL 字节
hazard-line-separator = 一个行分隔符 { $code }
hazard-bidi = 一个双向文本控制符 { $code }
hazard-control = 控制字符 { $code }
diag-unknown-format = 未知的格式版本 { $found }
diag-unknown-format-help = 此版本的 hotseat 读取格式 { $version }

## 用平实的话说明 RON 的错误（load.rs）。

ron-within = （位于 `{ $outer }` 中）
ron-takes-nothing-struct = 此处这个结构不接受任何字段
ron-takes-nothing-enum = 此处这个枚举不接受任何值
ron-expected-one-of = 应为以下之一：{ $list }
ron-this-value = 这个值
ron-must-be = { $subject } 必须是{ $what }
ron-for-example = 例如 `{ $example }`
ron-unknown-field = 未知字段 "{ $found }"{ $within }
ron-unknown-variant = 未知变体 "{ $found }"{ $within }
ron-missing-field = 缺少字段 "{ $field }"{ $within }
ron-missing-field-help = 请添加 `{ $field }: ...`；参见 docs/scenario-format.md
ron-duplicate-field = 字段 "{ $field }" 出现了两次{ $within }
ron-duplicate-field-help = 只保留其中一个
ron-wrong-struct-name = 应为 `{ $expected }(...)`，却是 `{ $found }(...)`
ron-wrong-struct-name-help = 请写 `{ $expected }(`，或者省略名称
ron-a-whole-number = 整数
ron-a-number = 数字
ron-a-tolerance = `Abs(...)` 或 `Percent(...)`
ron-a-string = 双引号括起的字符串
ron-a-boolean = true 或 false
ron-a-list = 方括号括起的列表
ron-out-of-range = { $subject } 超出范围
ron-out-of-range-help = 请使用从 0 起的整数；时限以秒计
ron-expected-open = 此处应有 `(` 来开始{ $what }
ron-expected-open-help = 请检查此处之前的每个括号是否都由同类括号闭合
ron-expected-list-end = 此处应有 `]` 来结束列表
ron-expected-list-end-help = 请检查是否漏了逗号，或在该用 `]` 的地方写了 `)`
ron-expected-struct-end = 此处应有 `)`
ron-expected-struct-end-help = 请检查是否漏了逗号，或在该用 `)` 的地方写了 `]`
ron-expected-identifier = 此处应为字段名或值
ron-stray-character = 请检查是否有多余的字符
ron-eof = 文件意外结束
ron-eof-help = 有括号、圆括号或字符串没有闭合
ron-too-deep = 嵌套过深（超过 128 层）
ron-too-deep-help = 场景从不需要这么深的嵌套；请检查是否有失控的括号
ron-unexpected-char = 意外的字符 '{ $char }'
ron-unexpected-char-help = 请检查是否有多余的字符，或漏了逗号或引号
ron-trailing = 场景结束后还有多余的文本
ron-trailing-help = 一个文件只能包含一个 `Scenario(...)`
ron-expected-comma = 此处应有逗号
ron-expected-comma-help = 字段和条目之间用 `,` 分隔
ron-bare-value = 在应写变体名的位置出现了 `{ $found }`
ron-bare-value-help = 请把值包在它的变体里，例如 `tolerance: Abs(5)` 或 `Var("x", AtLeast(0))`（各字段的变体见 docs/scenario-format.md）
ron-string-end = 字符串没有闭合
ron-string-end-help = 请补上结尾的 `"`
ron-invalid-value = { $subject }：应为 { $expected }，却是 { $found }
ron-invalid-value-help = 各字段的类型见 docs/scenario-format.md
ron-see-format = 参见 docs/scenario-format.md
ron-struct-choice-option = 一个选项
ron-struct-rule = 一条规则
ron-struct-transition = 一个跳转，如 `(next: "id")`
ron-struct-node = 一个节点
ron-struct-persona = 面试官设定
ron-struct-scenario = 场景

## 用教练的话讲解语法错误（teach.rs）。

teach-inner-quote = 这个 `"` 让字符串提前结束了：字符串里的引号必须转义
teach-inner-quote-help = 请写成 `{ $fixed }`，或使用原始字符串：`{ $raw }`
teach-unit-seconds = `{ $field }` 是秒数，却写成了 `{ $found }`
teach-unit-minutes = `minutes` 是分钟数，却写成了 `{ $found }`
teach-unit-plain = `{ $field }` 是一个纯数字，却写成了 `{ $found }`
teach-unit-plain-this = 这个字段是一个纯数字，却写成了 `{ $found }`
teach-unit-help = RON 的数字不带单位；请写成 `{ $fixed }`
teach-missing-comma = 这里缺少一个逗号
teach-missing-comma-help = 字段和条目之间用 `,` 分隔；请把这一行写成 `{ $fixed }`（在 `{ $next }` 之前）
teach-quoted-key = 字段名 `"{ $key }"` 加了引号：RON 的字段名是不加引号的
teach-quoted-key-help = JSON 给键加引号，RON 不加；请写成 `{ $fixed }`
teach-expects-on-timeout = `Overtime` 或 `Goto("node-id")`
teach-expects-language = En、Zh、Both 之一
teach-expects-difficulty = Easy、Medium、Hard 之一
teach-expects-tolerance = `Abs(0.5)` 或 `Percent(2.0)`
teach-expects-when = 一个条件，例如 `AnyOf(["..."])`
teach-string-for-variant = 在应写变体名的位置出现了字符串 "{ $shown }"
teach-string-for-variant-help = 变体名直接书写，不加引号：`difficulty: Medium`、`on_timeout: Goto("node-id")`、`Var("x", AtLeast(1))`
teach-field-takes-variant = `{ $field }` 接受{ $expects }，却写成了字符串 "{ $shown }"
teach-field-takes-variant-help = 变体名直接书写，不加引号；请写成 `{ $fixed }`
teach-list-for-one = `{ $tag }` 只接受一个条件，却给了一个列表
teach-list-for-not-help = 请把列表合并成一个条件：{ $example }（表示其中任何一个都不成立；全部成立用 `And`）
teach-list-for-in-sentence-help = 请把列表合并成一个条件：{ $example }（表示同一句话满足其中任一个；全部满足用 `And`）
teach-list-for-when = `when` 只接受一个条件，却给了一个列表
teach-list-for-when-help = 请合并它们：`{ $example }`（全部成立；任一成立用 `Or`）
teach-unknown-escape = `{ $seq }` 不是 RON 字符串里的转义序列
teach-unknown-escape-regex-help = 正则表达式在原始字符串里保留反斜杠：请写成 `{ $fixed }`，或者把反斜杠写两遍：`{ $doubled }`
teach-unknown-escape-help = 反斜杠本身要写成 `\\`：`{ $doubled }`，或使用原始字符串：`{ $raw }`
teach-wrong-argument = `{ $tag }` 接受{ $what }，却写成了 { $found }
teach-wrong-argument-string = `{ $tag }` 接受{ $what }，却写成了字符串 { $found }
teach-wrong-argument-help = 只写数字本身，不加引号或 `%`：`{ $shown }`

## 试演答案文件（playtest.rs、playtest/check.rs）。

answers-forms = 每个答案是以下形式之一：{ $forms }
answers-unknown-kind = 未知的答案类型 "{ $found }"
answers-bare-value = 在应写字段名的位置出现了 `{ $found }`
answers-bare-value-help = 答案要写出字段名：{ $forms }
answers-expected-colon = 节点 id 后面应有 `:`
answers-expected-colon-help = 请写成 `"node-id": [Text(text: "...")]`
answers-expected-map = 此处应为从节点 id 到答案的映射
answers-expected-map-help = 答案文件的形式是 `{"{"} "node-id": [answers...], ... {"}"}`，每个节点一项
answers-raw-identifier = 在应写字段名的位置出现了 `{ $found }`：答案要写出字段名，形式为以下之一：{ $forms }
answers-ron-error = { $message }；每个答案是以下形式之一：{ $forms }
answers-no-such-node-help = 场景 "{ $scenario }" 中没有这个 id 的节点
answers-for-end = 节点 "{ $id }" 是结束节点：这个答案永远不会被用到
answers-for-end-help = 请删除它：结束节点不提问，直接结束面试
answers-no-option = 节点 "{ $id }" 只有 { $n } 个选项：没有第 { $pick } 项
answers-no-option-help = 选项从 1 开始编号，与屏幕上显示的一致：请使用 1 到 { $n }
answers-options-are = 选项有：{ $list }
answers-bad-label = 节点 "{ $id }"：{ $problem }
answers-no-point = 节点 "{ $id }" 只有 { $n } 个要点：没有第 { $p } 个
answers-no-point-help = 要点从 1 开始编号：请使用 1 到 { $n }
answers-forms-choice = Choice(pick: 1) 或 Label(label: "...")
answers-forms-nothing = 无
answers-wrong-kind = 节点 "{ $id }" 是 { $kind } 类型的问题：这个答案与之不符
answers-wrong-kind-help = 请用 { $forms } 作答，或用 Pass() / Timeout
playtest-no-label = 没有标签为 "{ $label }" 的选项
playtest-label-ambiguous = "{ $label }" 同时匹配多个选项

## check 的报告（cli/check.rs）。

check-errors = { $n } 个错误
check-warnings = { $n } 个警告
check-summary = 已检查 { $files } 个文件：{ $errors } 个错误，{ $warnings } 个警告
check-list-separator = ，
check-hidden = ……此文件中另有 { $n } 个问题（{ $kinds }）；--format json 会全部列出
check-cannot-read = 无法读取 { $path }：{ $error }
check-cannot-read-entry = 无法读取 { $problem }
check-not-a-catalogue = { $path } 不是陷阱目录（应为 `Catalogue(traps: [...])`）

## 场景的含义（validate.rs、own_traps.rs）。

diag-bad-scenario-id = 场景 id "{ $id }" 无效
diag-bad-node-id = 节点 id "{ $id }" 无效
diag-bad-id-help = id 只能使用小写字母、数字、`-` 和 `_`，并以字母或数字开头
diag-empty-field = `{ $field }` 是空的
diag-empty-field-help = 请写一段简短的文字
diag-bad-minutes = `minutes` 为 0
diag-bad-minutes-help = 请估计完整走一遍通常需要多少分钟
diag-no-nodes = 场景中没有节点
diag-no-nodes-help = 至少添加一个起始节点和一个结束节点
diag-duplicate-node = 节点 id "{ $id }" 重复
diag-duplicate-node-help = 第一个使用此 id 的节点在第 { $line } 行；请重命名其中一个
diag-empty-remarks = 结束节点 "{ $id }" 没有结束语
diag-empty-remarks-help = 写出面试官如何收尾
diag-limit-on-end = 结束节点 "{ $id }" 设置了 `limit_s`，它会被忽略
diag-interject-on-end = 结束节点 "{ $id }" 设置了 `interject`，它永远不会被说出
diag-no-clock-on-end-help = 请删除它：结束节点不提问，所以不会计时
diag-timeout-on-end = 结束节点 "{ $id }" 设置了 `on_timeout`，它永远不会生效
diag-timeout-on-end-help = 请删除它：结束节点会立即结束面试
diag-over-time-unreachable = 节点 "{ $id }" 在时间用完时会跳走，因此不可能触发 `over-time`
diag-over-time-unreachable-help = 请从它的 traps 中删除 `over-time`，或改用 `on_timeout: Overtime`
diag-bad-competency = 能力标签 "{ $tag }" 无效
diag-bad-competency-help = 标签形如 `unit-economics`：小写字母、数字、`-` 和 `_`
diag-empty-prompt = 节点 "{ $id }" 的 prompt 是空的
diag-empty-prompt-help = 请在 `prompt` 中写出面试官的问题
diag-empty-variant = 节点 "{ $id }" 的第 { $n } 个变体是空的
diag-empty-variant-help = 请删除它，或写出问题
diag-missing-limit = 节点 "{ $id }" 没有 `limit_s`
diag-missing-limit-help = 每个问题都需要一个以秒计的时限，范围 1 到 { $max }
diag-unknown-placeholder-var = 提问中显示了变量 "{ $name }"，但没有任何跳转设置它
diag-unknown-placeholder-node = 提问中显示了节点 "{ $name }"，但它不存在
diag-unknown-placeholder-var-help = `{"{"}name{"}"}` 显示某个 `set` 修改的变量；要写字面的花括号，请用 `{"{"}{"{"}`
diag-unknown-placeholder-node-help = `{"{"}answer:node-id{"}"}` 显示该节点最近一次的回答
diag-bad-interject = `left_s: { $left }` 不在该问题 { $limit } 秒的时限之内
diag-bad-interject-help = `left_s` 表示插话时剩余的秒数：请使用 1 到 { $max }
diag-empty-interject = 插话的 `text` 是空的
diag-empty-interject-help = 写出面试官要说的话，例如 "还剩 30 秒，请收尾"
diag-bad-limit = `{ $field }` 为 { $limit } 秒，超出范围
diag-bad-limit-help = 请使用 1 到 { $max } 秒
diag-choice-count = Choice 需要 2 到 9 个选项，这里有 { $n } 个
diag-choice-count-help = 选项用数字键 1-9 选择
diag-empty-label = 第 { $n } 个选项的标签是空的
diag-empty-label-help = 写出候选人要选的内容
diag-expected-not-finite = `expected` 必须是有限的数字
diag-expected-not-finite-help = 请把正确答案写成纯数字，例如 `expected: 22.2`
diag-tolerance-not-finite = 容差 { $t } 不是有限的数字
diag-tolerance-not-finite-help = 请使用 `Abs(0.5)` 或 `Percent(2.0)` 这样的误差范围
diag-negative-tolerance = 容差 { $t } 是负数
diag-negative-tolerance-help = 精确答案用 0，否则用正的误差范围
diag-percent-of-zero = 期望值 0 的百分比仍是 0：只有恰好为 0 的答案才被接受
diag-percent-of-zero-help = 期望值为 0 时请使用 `Abs(...)`
diag-empty-solution = 解题过程是空的
diag-empty-solution-help = 请写出计算过程；复盘时会显示它
diag-no-talking-points = Spoken 节点 "{ $id }" 没有可勾选的要点
diag-no-talking-points-help = 请在 `talking_points` 中列出要点
diag-pass-too-high = `pass: { $pass }`，但只有 { $n } 个要点
diag-pass-too-high-help = 最多使用 { $n }
diag-bad-partial-ratio = 部分得分比例 { $r } 必须是大于 1 的数字
diag-bad-partial-ratio-help = `Ratio(2.0)` 表示与 `expected` 相差在 2 倍以内的答案得一半分
diag-partial-of-zero = 没有答案能落在期望值 0 的某个比例之内，所以 `partial` 永远不会生效
diag-partial-of-zero-help = 请删除 `partial`，或改为放宽 `tolerance`
diag-close-without-partial = 没有 `partial` 时，`close` 永远不会被采用
diag-close-without-partial-help = 请添加例如 `partial: Ratio(2.0)`，或删除 `close`
diag-unused-condition = 具名条件 "{ $name }" 从未被使用
diag-unused-condition-help = 请在规则中以 `Named("{ $name }")` 使用它，或删除它
diag-no-end = 场景中没有结束节点
diag-no-end-help = 请添加一个 `answer: End(remarks: "...")` 的节点
diag-so = 因此{ $message }
diag-so-at-line = 因此{ $message }（第 { $line } 行）
diag-unknown-node = 未知的节点 id "{ $id }"
diag-unknown-node-help = 没有节点使用这个 id；请检查各个 `id` 字段
diag-or-rename = （或者，如果是节点自己的 id 写错了，请把节点 "{ $node }" 重命名为 "{ $id }"）
diag-or-rename-at-line = （或者，如果是节点自己的 id 写错了，请把第 { $line } 行的节点 "{ $node }" 重命名为 "{ $id }"）
diag-same-unknown-more = 同一个未知 id 还出现了 { $n } 次
diag-same-unknown-at-line = 同一个未知 id 还出现在第 { $line } 行
diag-same-unknown-at-lines = 同一个未知 id 还出现在第 { $lines } 行
diag-minutes = { $min } 分钟（{ $s } 秒）
diag-route-past-session-limit = 最长路线的答题时间最多可达 { $total }，超过了整场时限 { $limit }
diag-route-past-session-limit-help = 路线：{ $route }；整场时限用完时面试即结束，请调高 `session_limit_s` 或缩短各问题的 `limit_s`
diag-session-timeout-unused = 设置了 `on_session_timeout`，但没有 `session_limit_s`
diag-session-timeout-unused-help = 请添加整场时限，或删除此字段
diag-unreachable = 从起点无法到达节点 "{ $id }"
diag-unreachable-help = 请从其他节点链接到它，或删除它
diag-dead-end = 节点 "{ $id }" 是死胡同：没有出路
diag-dead-end-help = 请添加一个通往其他节点的跳转
diag-dead-end-answer-help = 请给它一个通往其他节点的答案
diag-no-way-out = 节点 "{ $id }" 处在一个没有出路的循环中：从它无法到达任何结束节点
diag-no-way-out-help = 让循环中至少一个分支通向结束节点
diag-bad-condition-name = 条件名 "{ $name }" 无效
diag-bad-condition-name-help = 名称只能使用小写字母、数字、`-` 和 `_`，例如 `gave-number`
diag-condition-cycle = 具名条件 "{ $name }" 引用了自身：{ $cycle }
diag-condition-cycle-help = 条件不能用自身来定义；请把其中一个完整写出来
diag-unknown-signal = 未知的信号 "{ $name }"
diag-unknown-signal-help = 可以扩展的信号有 { $list }
diag-empty-phrases = 短语列表是空的
diag-empty-phrases-help = 请添加一个短语，或删除这个条件
diag-phrases-too-large = 短语列表太大，无法编译：{ $detail }
diag-phrases-too-large-help = 请把它拆成几个条件
diag-empty-phrase = 空短语会匹配任何内容
diag-empty-phrase-help = 请删除它
diag-bad-regex = 正则表达式无法编译：{ $detail }
diag-bad-regex-raw-help = 模式使用 Rust regex crate 的语法；在原始字符串 `r"..."` 中，字面的括号写作 \(（一个反斜杠）
diag-bad-regex-help = 模式使用 Rust regex crate 的语法；在 RON 字符串中，字面的括号写作 \\(，在原始字符串 `r"..."` 中写作 \(
diag-undetectable-trap = 陷阱 "{ $id }" 没有检测规则，所以这个条件永远不成立
diag-undetectable-trap-help = 它来自计时或某个选项；请改为检测该选项设置的变量
diag-unset-variable = 变量 "{ $name }" 从未被设置，所以始终为 0
diag-unset-variable-help = 请在某个跳转上设置它，例如 `set: [Add("{ $name }", 1)]`
diag-unknown-condition = 未知的条件 "{ $name }"
diag-unknown-condition-define-help = 请在文件的 `conditions` 中定义它，例如 `conditions: {"{"}"{ $name }": Number{"}"}`
diag-unknown-condition-help = 具名条件来自文件的 `conditions` 映射
diag-unknown-trap = 未知的陷阱 id "{ $id }"
diag-unknown-trap-help = 陷阱 id 来自陷阱目录：`hotseat check` 认识内置的陷阱；你自己的陷阱请添加到 <data dir>/traps.ron
diag-bad-trap-id = 陷阱 id "{ $id }" 无效
diag-bad-trap-id-help = id 只能使用小写字母、数字、`-` 和 `_`
diag-duplicate-trap = 陷阱 id "{ $id }" 重复
diag-duplicate-trap-help = 第一个使用此 id 的陷阱在第 { $line } 行
diag-trap-already-bundled = 陷阱 "{ $id }" 已在内置目录中
diag-trap-already-bundled-help = 用户目录只能新增陷阱；请换一个新的 id
diag-empty-trap-text = 陷阱 "{ $id }" 的 `{ $field }` 是空的
diag-empty-trap-text-help = 复盘时会显示它；请写一两句话
own-trap-twice = 陷阱 "{ $id }" 被定义了两次
own-trap-twice-help = 请给每个陷阱一个独立的 id
own-trap-twice-at-line-help = 第一个在第 { $line } 行
own-trap-empty-text-help = 复盘时会显示它
own-trap-adapt-help = 是不是想改编目录中的陷阱 "{ $name }"？否则请添加 { $add }
own-trap-new-help = 新陷阱需要 title、why、instead 和 example：请添加 { $add }
own-trap-new-text = 陷阱 "{ $id }" 是新定义的，但没有 { $missing }
own-trap-or = {" "}或{" "}

## stats（coach/stats.rs）：左列是标签，右列是值。

stats-scenario = 场景
stats-nodes = 节点
stats-nodes-value = { $n }（{ $q } 个问题，{ $e } 个结束节点）
stats-edges = 跳转
stats-shortest = 最短路线
stats-shortest-value = { $q } 个问题；{ $min } 分钟
stats-longest = 最长路线
stats-route = { $q } 个问题，{ $min } 分钟
stats-no-end = 无法到达任何结束节点
stats-at-least = 至少{" "}
stats-paths = 路线数
stats-traps = 陷阱
stats-competencies = 考察能力
stats-timeout-only = 仅超时可达
stats-unreachable = 不可达

## 试演（playtest.rs、cli/playtest.rs、cli/all_paths.rs）。

playtest-path = 路线：{ $path }
playtest-missing = 节点 "{ $node }" 没有答案（第 { $visit } 次到达）；请在答案文件中补上
playtest-invalid = 节点 "{ $node }"：{ $message }
playtest-runaway = 走了 { $steps } 步后面试仍未结束；答案中是否有循环？
playtest-unknown-nodes = 答案文件中提到了场景里没有的节点：{ $ids }
playtest-timeout-untimed = 对不计时的问题使用了 Timeout
playtest-bad-pick = 选项 { $pick } 不在 1..={ $n } 之内
playtest-bad-point = 要点 { $p } 不在 1..={ $n } 之内
playtest-number-rejected = 这个数字未被接受
playtest-not-a-choice = 这个问题不是 Choice
coverage-summary = { $scenario }：{ $paths } 条合成路线覆盖了 { $covered }/{ $edges } 条跳转（探索了 { $states } 个状态）
coverage-summary-capped = { $scenario }：{ $paths } 条合成路线覆盖了 { $covered }/{ $edges } 条跳转（探索了 { $states } 个状态，已达搜索上限）
coverage-edges-missed = 没有合成路线经过这些跳转：
coverage-nodes-missed = 没有合成路线到达这些节点：
coverage-complete = 每条跳转和每个节点都已到达
answers-step-forms = Text(text: "...")、Choice(pick: 1)（选项从 1 开始编号）、Label(label: "...")、Number(value: 22.5)、Spoken(points: [1, 2], text: "...")、Pass()、Timeout；除 Timeout 外都可以加上 `after_s: 30`

## new（cli/new.rs）。

new-not-ron = 场景文件以 .ron 结尾（hotseat 靠它来识别）：试试 { $path }.ron
new-copy-of = { $id } 的副本
new-no-bundled = 没有 id 为 "{ $id }" 的内置场景{ $hint }
new-no-bundled-did-you-mean = ；是不是想写 "{ $name }"？
new-no-bundled-list = ；内置场景有：{ $ids }
new-template = { $template } 模板（{ $lang }）
new-exists = { $path } 已存在；如要覆盖，请加 --force
new-cannot-write = 无法写入 { $path }：{ $error }
new-bundled-id = 注意："{ $id }" 也是某个内置场景的 id；放入你的场景目录之前，请先重命名 { $path }
new-wrote =
    已写入 { $path }：{ $what }，id "{ $id }"
    下一步：hotseat check { $path }
    {"        "}hotseat run { $path }

## check --watch（cli/watch.rs）。

watch-separator = ----- 文件有改动，重新检查 -----
watch-cannot-watch = 无法监视改动：{ $error }
watch-cannot-watch-path = 无法监视 { $path }：{ $error }
watch-watching = 正在监视改动；按 Ctrl-C 停止
watch-error = 监视出错：{ $error }

## 用户的陷阱目录 <data dir>/traps.ron（traps.rs）。

catalogue-duplicate = 陷阱 id "{ $id }" 已在目录中
catalogue-duplicate-condition = 条件 "{ $name }" 已在内置目录中定义
catalogue-rule = 陷阱 "{ $id }" 的第 { $rule } 条检测规则：{ $message }（已略去该陷阱；`hotseat check { $path }` 会指出位置）

## Stand-alone nodes, for drills (scenario/validate.rs).

diag-standalone-end = 结束节点 "{ $id }" 标了 `standalone`，但只有提问节点才能单独拿出来问
diag-standalone-end-help = 请去掉结束节点上的 `standalone: true`，改为标记可以单独练习的提问
diag-standalone-depends = 单独练习节点 "{ $id }" 通过 `{ $what }` 依赖之前的回答，但专项练习会单独提问，没有这些回答
diag-standalone-depends-help = 请改写这道题，让它不依赖前文也能成立，或者去掉 `standalone: true`
