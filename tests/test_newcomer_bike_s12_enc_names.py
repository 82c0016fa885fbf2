"""Session 12, newcomer F9: names declined in Polish, Czech, Slovak, Slovenian and Croatian
("Łucji Kowalskiej", "Tomaszowi Wójcikowi") are replaced as the README promises for names
"with a case ending", by redaction, by the pre-publication scan and by the batch screen,
and ordinary words are not."""
from __future__ import annotations

import csv

import pytest

from conftest import CORPUS
from kit.privacy import Roster, find_leaks, redact
from kit.privacy_batch import unredacted

NAMES = ("Łucja Kowalska", "Tomasz Wójcik", "Rafał Zieliński", "Marek Nowak", "Jiří Novák", "Jana Dvořáková",
         "Petr Černý", "Ivan Horvat", "Žiga Kovačič", "Ľubomír Šťastný", "Katarzyna Lewandowska",
         "Piotr Kamiński", "Agnieszka Wiśniewska", "Michał Mazur", "Barbara Wolska", "Martin Svoboda")


def people(names=NAMES) -> Roster:
    return Roster(names=tuple(names), parts=tuple(w for n in names for w in n.split()))


F9 = ("Tak, Łucji Kowalskiej też naliczyli karę. Rozmawiałem z Łucją wczoraj. Pani Kowalska mówi, że "
      "zrezygnuje. Tomkowi też się to zdarzyło, znaczy mnie, Tomaszowi Wójcikowi.")


def test_f9_the_newcomers_sentence():
    assert redact(F9, people()) == ("Tak, [name] też naliczyli karę. Rozmawiałem z [name] wczoraj. Pani [name] "
                                    "mówi, że zrezygnuje. Tomkowi też się to zdarzyło, znaczy mnie, [name].")


@pytest.mark.parametrize("said, shown", [
    ("Dałem to Rafałowi Zielińskiemu.", "Dałem to [name]."),
    ("Nie było Zielińskiego ani Nowaka.", "Nie było [name] ani [name]."),
    ("Rozmawiałem z Katarzyną Lewandowską i Piotrem Kamińskim.", "Rozmawiałem z [name] i [name]."),
    ("Bez Agnieszki Wiśniewskiej, z Michałem Mazurem.", "Bez [name], z [name]."),  # Agnieszki: -a after k
    # Jana has four letters: a name ending in a vowel takes an ending after four (as Cyrillic names do)
    ("Volal jsem Novákovi a Janě Dvořákové, s Petrem Černým ne.", "Volal jsem [name] a Janě [name], s [name] ne."),
    ("Dal jsem to Martinu Svobodovi.", "Dal jsem to [name]."),
    ("Razgovarao sam s Ivanom Horvatom.", "Razgovarao sam s [name]."),  # Croatian
    ("Govoril sem z Žigom Kovačičem.", "Govoril sem z Žigom [name]."),  # Slovenian (Žiga: four letters)
    ("Hovoril som s Ľubomírom Šťastným.", "Hovoril som s [name]."),  # Slovak
])
def test_declined_names_are_replaced(said, shown):
    assert redact(said, people()) == shown


def test_a_declined_full_name_is_a_leak_for_the_pre_publication_scan(tmp_path):
    (tmp_path / "page.html").write_text("<p>Tak, Łucji Kowalskiej też naliczyli karę.</p>", encoding="utf-8")
    (tmp_path / "ok.html").write_text("<p>Tak, [name] też naliczyli karę.</p>", encoding="utf-8")
    leaks = find_leaks(tmp_path, people())
    assert [str(p) for p in leaks] == ["page.html"]


def test_the_batch_screen_does_not_pass_a_declined_name():
    texts = ["Tak, Lucji Kowalskiej tez naliczyli kare.", "Dal to Tomaszowi.", "Nothing to see here."]
    quiet = unredacted(texts, people())
    assert quiet == {t for t in texts if redact(t, people()) == t} == {"Nothing to see here."}


def test_a_short_name_takes_no_ending():
    # as for other scripts: an ending after at least four letters (Jan: Jana is also a name; Ewa: Ewy)
    roster = people(("Jan Nowak", "Ewa Lis"))
    assert redact("Jana i Ewy nie było, Lisa też.", roster) == "Jana i Ewy nie było, Lisa też."


# Everyday Polish and Czech words (many with the endings above), each also capitalised as at
# a sentence's start: none is a declined form of the roster's names.
POLISH_WORDS = """
i w na z do nie się że to jest jak ale po co tak już o od za przez przy dla bez pod nad między
tego temu tym ten ta te tej tą tych tymi który która które którego której którym którzy jego jej ich im
nam wam nas was mnie mi mną tobie ciebie tobą sobie siebie sobą on ona ono oni one my wy ja ty
rower roweru rowerem rowerze rowery rowerów stacja stacji stację stacją stacje stacjach dworzec dworca
dworcu miasto miasta miastu mieście miastem kara kary karę karą karze opłata opłaty opłatę opłatą
problem problemu problemem problemie problemy dzień dnia dniu dniem dni rano wieczorem wczoraj dzisiaj
jutro poniedziałek poniedziałku wtorek wtorku środa środy środę czwartek piątek sobota niedziela
praca pracy pracę pracą pracownik pracownika pracownikowi pracownikiem dom domu domem domowi
samochód samochodu samochodem autobus autobusu autobusem tramwaj tramwaju tramwajem pociąg pociągu
klient klienta klientowi klientem klientów aplikacja aplikacji aplikację aplikacją telefon telefonu
telefonem telefonowi pieniądze pieniędzy pieniądzom pieniędzmi złoty złotego złotych złotemu
karta karty kartę kartą karcie konto konta kontu kontem koncie miejsce miejsca miejscu miejscem
czas czasu czasem czasie godzina godziny godzinę godziną godzinie minuta minuty minutę minutą
dobry dobrego dobremu dobrym dobra dobrej dobrą dobre nowy nowego nowemu nowym nowa nowej nową
stary starego staremu starym stara starej starą duży dużego dużemu dużym mały małego małemu małym
pełny pełnego pełnym pełna pełnej pełną wolny wolnego wolnym wolna wolnej wolne zajęty zajętego
ostatni ostatniego ostatniemu ostatnim pierwszy pierwszego pierwszym drugi drugiego drugim
zrobić zrobiłem zrobiła zrobili mówić mówi mówiła mówili powiedział powiedziała wiedzieć wiem wie
jechać jechałem jechała jeździć jeżdżę jeździł oddać oddałem oddała zostawić zostawiłem zostawiła
szukać szukałem szukała czekać czekałem czekała płacić płaciłem płaciła zapłacić zapłaciłem
zadzwonić zadzwoniłem zadzwoniła napisać napisałem napisała wrócić wróciłem wróciła
bardzo trochę zawsze nigdy czasem często rzadko potem wtedy teraz jeszcze tylko nawet także również
kolega kolegi koledze kolegą koleżanka koleżanki koleżance koleżanką żona żony żonie żoną mąż męża
mężowi mężem syn syna synowi synem córka córki córce córką matka matki matce matką ojciec ojca ojcu
firma firmy firmie firmą firmę szef szefa szefowi szefem biuro biura biurze biurem umowa umowy umowie
""".split()
CZECH_WORDS = """
a v na s do ne se že to je jak ale po co tak už o od za přes při pro bez pod nad mezi
toho tomu tím ten ta ty té tou těch těmi který která které kterého kterému kterým jeho její jejich jim
kolo kola kolu kolem kole stanice stanici stanicí nádraží město města městu městě městem
pokuta pokuty pokutu pokutou pokutě poplatek poplatku poplatkem den dne dni dnem ráno večer včera dnes
zítra pondělí úterý středa čtvrtek pátek sobota neděle práce práci prací pracovník pracovníka pracovníkovi
pracovníkem dům domu domem domovi auto auta autu autem autobus autobusu autobusem tramvaj tramvaje
vlak vlaku vlakem zákazník zákazníka zákazníkovi zákazníkem aplikace aplikaci telefon telefonu telefonem
peníze peněz penězům penězi koruna koruny korunu korunou karta karty kartu kartou kartě účet účtu účtem
místo místa místu místem čas času časem hodina hodiny hodinu hodinou hodině minuta minuty minutu
dobrý dobrého dobrému dobrým dobrá dobré dobrou nový nového novému novým nová nové novou starý starého
starému starým velký velkého velkému velkým malý malého malému malým plný plného plným plná plné
volný volného volným volná volné poslední posledního poslednímu posledním první prvního prvním
udělat udělal udělala říct řekl řekla vědět vím ví jet jel jela jezdit jezdím vrátit vrátil vrátila
hledat hledal hledala čekat čekal čekala platit platil platila zavolat zavolal zavolala napsat napsal
velmi trochu vždy nikdy někdy často potom tehdy teď ještě jen dokonce také kolega kolegy kolegovi
kolegou kolegyně manželka manželky manželce manželkou manžel manžela manželovi manželem syn syna synovi
synem dcera dcery dceři dcerou matka matky matce matkou otec otce otci otcem firma firmy firmě firmou
šéf šéfa šéfovi šéfem kancelář kanceláře kanceláři smlouva smlouvy smlouvě smlouvou
""".split()


def test_everyday_polish_and_czech_words_are_kept():
    words = POLISH_WORDS + CZECH_WORDS
    assert len(words) >= 500
    text = " ".join(words) + ". " + ". ".join(w[:1].upper() + w[1:] for w in words) + "."
    roster = people()
    assert redact(text, roster) == text


def test_the_real_corpus_gains_no_replacement():
    """The interview corpus (English) redacted with the Polish and Czech roster: a declined
    form adds no replacement (only the roster's own written words could be found)."""
    path = CORPUS / "scientists_transcripts.csv"
    if not path.exists():
        pytest.skip("the corpus is not here")
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [row["text"] for row in csv.DictReader(fh)][:200]
    roster = people()
    matcher = roster.matcher
    found = {text[s:e] for text in texts for s, e, _ in matcher.find(text)}
    written = {w.casefold() for n in NAMES for w in n.split()}
    assert {f.casefold() for f in found} <= written | {n.casefold() for n in NAMES}
