"""A roster person's Chinese surname with the prefix or title that makes it their name (attacker s17 A2).

A roster's ``王伟`` (or ``Wang Wei``) is ``小王`` / ``老王`` ("young / old Wang") and ``王先生`` /
``王女士`` / ``王老师`` / ``王总`` ("Mr, Ms, teacher, boss Wang") in a Chinese passage; a one-character
surname alone is an everyday word (王 "king"), so only these forms are read as the person. The
surnames of a roster are the first character of each Chinese name (the first two of a four-character
name, or of a name starting with a two-character surname such as 欧阳), and, for a name in Latin
letters whose every word is pinyin, the Chinese surnames each of its words is the pinyin of (``Wang``:
王, 汪; ``Wei``: 魏, 韦: either word may be the surname, so both are; fail closed), among the 100
commonest surnames of the Ministry of Public Security's 2020 name report (二〇二〇年全国姓名报告)
and the commonest two-character ones; their pinyin by ``anyascii``, the kit's Chinese reading
(:mod:`kit.privacy_latin`).

Not a name: a prefix form or a preceding word that is an everyday word (小于 "less than", 小马 "pony",
老顾客 "regular customer", 工程总 "project total", 历史老师 "history teacher"): listed below. One
pattern per roster, compiled once; a text without a Han character is not searched.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kit.privacy_text import fold

__all__ = ["EVERYDAY_TRANSCRIBED", "SURNAMES", "TITLES", "TRANSCRIPTION", "chinese_spans", "han_keys", "latin_keys",
           "surnames_of"]

#: The 100 commonest Chinese surnames (2020 report), then the commonest two-character ones.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢"
            "姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文")
COMPOUND = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟", "长孙")
#: Titles written after a surname.
TITLES = ("先生", "女士", "小姐", "老师", "太太", "经理", "医生", "教授", "博士", "师傅", "同学", "总")
_PREFIXES = "小老"
# Prefix forms that are everyday words; two-character words whose second character is a surname
# (the surname then starts no title form); words starting with 总 (王总 is "boss Wang", 工程总体 is not).
_EVERYDAY_PREFIXED = frozenset("小于 小马 老马 小白 老白 小龙 小石 小钱 小程 小叶 小方 老方 小孔 小康 小熊 小苏 小金 小高 小常 "
                               "小田 小黄 老黄 老顾 老毛 老江 老汤 小万 小段 小汤 小江 小武 小向 小易 小文 小史 小雷 小夏 小毛".split())
_EVERYDAY_BEFORE = frozenset("历史 语文 英文 中文 日文 法文 德文 论文 作文 课文 原文 全文 工程 过程 课程 流程 进程 行程 日程 全程 "
                             "地方 对方 双方 官方 北方 南方 东方 西方 甲方 乙方 提高 最高 很高 太高 较高 更高 黄金 现金 资金 奖金 "
                             "基金 租金 价钱 金钱 有钱 没钱 多少 不少 至于 由于 对于 关于 等于 属于 终于 位于 处于 大于 小于 高于 "
                             "低于 一万 十万 百万 千万 上万 东江 长江 大白 明白 空白 坦白 恐龙 舞龙 国史 "
                             "学生 医生 先生 书生 大叶 树叶 茶叶 中叶 健康 小康 安康".split())
_TOTAL_WORDS = "体是结共之部统计额数量算归的会监裁理书记公司务线和分价得要能有在被让觉"


@lru_cache(maxsize=1)
def _by_pinyin() -> dict:
    from anyascii import anyascii

    found: dict = {}
    for name in [*SURNAMES, *COMPOUND]:
        found.setdefault("".join(anyascii(ch) for ch in name).lower(), []).append(name)
    return found


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def surnames_of(names) -> frozenset:
    """The Chinese surnames of the roster ``names`` (see the module's text)."""
    pinyin = _by_pinyin()
    found = set()
    for name in names:
        name = str(name).strip()
        if 2 <= len(name) <= 4 and all(_han(ch) for ch in name):
            found.add(name[:2] if len(name) == 4 or name[:2] in COMPOUND else name[0])
            continue
        words = re.findall(r"[a-z]+", name.lower())
        if words and all(w.isascii() for w in words) and all(_pinyin_word(w) for w in words):
            for w in words:
                found.update(pinyin.get(w, ()))
    return frozenset(found)


@lru_cache(maxsize=1)
def _syllables() -> frozenset:
    from anyascii import anyascii

    return frozenset(anyascii(chr(c)).lower() for c in range(0x4E00, 0xA000)) - {""}


@lru_cache(maxsize=4096)
def _pinyin_word(word: str) -> bool:
    """Whether ``word`` is written as one or two pinyin syllables, as a Chinese surname or given
    name is (``wang``, ``xiaoming``; not ``fatima``, three)."""
    syllables = _syllables()
    return word in syllables or any(word[:k] in syllables and word[k:] in syllables for k in range(1, len(word)))


_CACHE: dict = {}  # id(roster) -> (roster, pattern or None)


def _pattern(people):
    """``(pattern, keys)`` of a roster: the surname forms' pattern (None without a Chinese surname)
    and the keys of its Latin name words (:func:`latin_keys`), built once."""
    hit = _CACHE.get(id(people))
    if hit is not None and hit[0] is people:
        return hit[1]
    surnames = surnames_of(people.names)
    keys: set = set()
    for name in people.names:
        words = re.findall(r"[a-z]+", fold(str(name)))
        if words and not all(_pinyin_word(w) for w in words):  # a Chinese name in pinyin: its surname forms above
            keys.update(k for w in words if len(w) >= 3 for k in latin_keys(w))
    pattern = None
    if surnames:
        alt = "|".join(sorted(map(re.escape, surnames), key=len, reverse=True))
        titles = "|".join(t if t != "总" else f"总(?![{_TOTAL_WORDS}])" for t in TITLES)
        pattern = re.compile(rf"(?P<prefix>[{_PREFIXES}](?:{alt}))|(?P<before>.?)(?P<titled>(?:{alt})(?:{titles}))")
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(people)] = (people, (pattern, frozenset(keys)))
    return pattern, frozenset(keys)


def _transcribed(text: str, keys: frozenset, mark: str) -> list:
    """Spans of the runs of transcription characters (or their longest parts) whose key is one of ``keys``."""
    spans = []
    for run in _RUN.finditer(text):
        start, chars = run.start(), run.group()
        k = 0
        while k < len(chars) - 1:
            for end in range(min(len(chars), k + 8), k + 1, -1):  # the longest part first
                piece = chars[k:end]
                if piece not in EVERYDAY_TRANSCRIBED and not keys.isdisjoint(han_keys(piece)):
                    spans.append((start + k, start + end, mark))
                    k = end - 1
                    break
            k += 1
    return spans


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def chinese_spans(text: str, people, mark: str) -> list:
    """Spans ``(start, end, mark)`` of ``text`` where a roster surname stands with a prefix or a
    title, or a Latin roster name is written in Chinese characters by its sound."""
    if _HAN.search(text) is None:
        return []
    pattern, keys = _pattern(people)
    spans = _transcribed(text, keys, mark) if keys else []
    if pattern is None:
        return spans
    for m in pattern.finditer(text):
        if m.group("prefix"):
            if m.group("prefix") not in _EVERYDAY_PREFIXED:
                spans.append((m.start("prefix"), m.end("prefix"), mark))
            continue
        word = m.group("before") + m.group("titled")[0]
        if len(word) == 2 and word in _EVERYDAY_BEFORE:
            continue
        spans.append((m.start("titled"), m.end("titled"), mark))
    return spans


# -- a Latin roster name written in Chinese characters by its sound (迈克尔 for Michael) --------------
# Chinese writes a foreign name syllable by syllable with a small set of characters (Xinhua News
# Agency's transcription table, 英语姓名译名手册): Michael 迈克尔, Brown 布朗, Fatima 法蒂玛, Smith 史密斯.
# A run of such characters (split at the middle dot of 法蒂玛·贝纳利) is read by its consonants, each
# syllable's initial and a final n/ng, in classes that the transcription keeps apart (b/p, d/t, g/k/h,
# the sibilants, l/r, m, n, f); a roster word in Latin letters is read the same way by its English
# spelling. Equal keys of three classes or more (fewer are everyday words: 可能 "possible" reads as
# Kevin's) make the run the roster word: fail closed, whatever the characters mean.
TRANSCRIPTION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比宾波伯博布查达戴丹德迪蒂丁杜顿多厄恩尔法凡范菲费芬丰冯佛弗福盖冈戈格葛古哈海汉豪赫"
    "亨华惠霍基吉加贾白廉杰捷金卡凯坎康考柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾黎里理丽利莉列林琳隆娄卢鲁路伦罗洛玛迈麦"
    "曼梅门蒙米密缅莫默姆穆纳娜奈南内尼妮纽努诺欧帕派潘佩彭皮珀普奇齐乔琼丘萨塞赛桑瑟森沙莎珊尚舍圣施史斯丝松苏索"
    "塔泰坦汤唐特提汀通托瓦万威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶伊依尤约詹兹佐")
_MIN_CLASSES = 3
_RUN = re.compile("[" + "".join(sorted(TRANSCRIPTION)) + "]{2,}")
#: Place and brand names written with the same characters (波兰 Poland reads as Brown): never a person.
EVERYDAY_TRANSCRIBED = frozenset("波兰 芬兰 丹麦 乌克兰 罗马尼亚 蒙古 莫斯科 肯德基 迪士尼 特斯拉 巴西 伊朗 伊拉克 古巴 奥地利 "
                                 "巴黎 阿拉伯 维也纳 布鲁塞尔 伦敦 柏林 纽约 马德里 米兰 威尼斯 佛罗里达 加利福尼亚 得克萨斯 "
                                 "澳门 香港 台湾 西藏 新疆 巴基斯坦 阿富汗 哈萨克斯坦 亚马逊 宜家 诺基亚 索尼 三星 路易威登".split())
_PY_CLASS = (("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "B"), ("p", "B"), ("d", "T"), ("t", "T"), ("g", "K"), ("k", "K"),
             ("h", "K"), ("j", "S"), ("q", "S"), ("x", "S"), ("z", "S"), ("c", "S"), ("s", "S"), ("l", "L"), ("r", "L"),
             ("m", "M"), ("n", "N"), ("f", "F"), ("w", ""), ("y", ""))


def _collapse(classes) -> str:
    out = []
    for c in classes:
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=4096)
def _syllable_key(syllable: str) -> str:
    s = syllable.lower()
    if s == "er":
        return "L"
    head = next((cls for start, cls in _PY_CLASS if s.startswith(start)), "")
    return head + ("N" if s.endswith(("n", "ng")) and len(s) > 1 else "")


def han_keys(run: str) -> tuple[str, str]:
    """The consonant classes of a run of Chinese characters read in pinyin, with each syllable's
    final n/ng and without (``布朗``: ``BLN``, ``BL``; 威廉姆斯 for Williams: ``LMS``)."""
    from anyascii import anyascii

    keys = [_syllable_key(anyascii(ch)) for ch in run]
    return _collapse(c for k in keys for c in k), _collapse(k.rstrip("N") if len(k) > 1 else k for k in keys)


_EN_RULES = (("ph", ("F",)), ("th", ("T", "S")), ("ch", ("K", "S")), ("sh", ("S",)), ("gh", ("",)), ("ck", ("K",)),
             ("qu", ("K",)), ("x", ("KS",)), ("j", ("S",)), ("z", ("S",)), ("s", ("S",)), ("v", ("F", "")), ("w", ("",)),
             ("y", ("",)), ("r", ("L",)), ("l", ("L",)), ("m", ("M",)), ("n", ("N",)), ("b", ("B",)), ("p", ("B",)),
             ("d", ("T",)), ("t", ("T",)), ("k", ("K",)), ("f", ("F",)), ("q", ("K",)))


@lru_cache(maxsize=1 << 14)
def latin_keys(word: str) -> frozenset:
    """The keys (as :func:`han_key`) a folded Latin name word may be transcribed with: ``michael``:
    ``MKL``, ``MSL``; a word of four classes or more also without its last (伊丽莎白 for Elizabeth)."""
    keys = [""]
    i = 0
    while i < len(word):
        ch, nxt = word[i], word[i + 1:i + 2]
        if ch in "aeiou":
            keys = [k + "-" for k in keys]  # a vowel: apart from the consonant classes around it
            i += 1
            continue
        if ch == "c":
            options, step = (("S",) if nxt in ("e", "i", "y") else ("K",)), 1
            if nxt == "h":
                options, step = ("K", "S"), 2
            elif nxt == "k":
                options, step = ("K",), 2
        elif ch == "g" and nxt in ("e", "i", "y"):
            options, step = ("K", "S"), 1
        elif ch == "g":
            options, step = (("",) if nxt == "h" else ("K",)), (2 if nxt == "h" else 1)
        elif ch == "h":
            options, step = (("K",) if i == 0 else ("",)), 1
        elif ch == "r" and i > 0 and word[i - 1] in "aeiou" and nxt not in tuple("aeiouy"):
            options, step = ("L", ""), 1  # Anderson 安德森: an r after a vowel is not heard
        else:
            options, step = next(((out, len(start)) for start, out in _EN_RULES if word.startswith(start, i)), (("",), 1))
        keys = [k + o for k in keys for o in options][:16]
        i += step
    found = {_collapse(k.replace("-", "")) for k in keys}
    found |= {k[:-1] for k in found if len(k) >= 4}
    return frozenset(k for k in found if len(k) >= _MIN_CLASSES)

