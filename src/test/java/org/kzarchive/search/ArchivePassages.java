package org.kzarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test passages: Italian ones are real paragraphs of "Il Kazakistan dopo la rivolta"
 * (content/it, /work/shared/seed); the English, Russian and Portuguese ones are written for the
 * tests. The text itself mixes Tokayev/Tokaev, Nazarbayev/Nazarbaev, Akhmedyarov/Akhmediyarov and
 * Gorbaciov/Gorbachev, which the name-variant tests rely on.
 */
final class ArchivePassages {

    static final long ITALIAN = 1;
    static final long ENGLISH = 2;
    static final long RUSSIAN = 3;
    static final long PORTUGUESE = 4;

    static final String WORK = "kazakistan-dopo-la-rivolta";

    private ArchivePassages() {
    }

    static List<Passage> all() {
        List<Passage> all = new ArrayList<>();
        all.addAll(italian());
        all.addAll(english());
        all.addAll(russian());
        all.addAll(portuguese());
        return all;
    }

    static List<Passage> italian() {
        return List.of(
                it("apertura-1", PassageKind.ANALYSIS, null,
                        "Dopo la nostra copertura della rivolta della scorsa settimana in Kazakistan, abbiamo tradotto "
                        + "una serie di punti di vista sulla situazione da varie fonti anarchiche russe e abbiamo "
                        + "intervistato due anarchiche di Almaty, la città più grande del Kazakistan e il luogo in cui "
                        + "i combattimenti sono diventati più intensi."),
                it("apertura-2", PassageKind.CAPTION, null,
                        "6 gennaio: Una veduta di Almaty. Il fotografo: “Dai fuochi cala una fosca nebbia; ora sembra "
                        + "tutto come l’inverno nucleare.”"),
                it("rivolta-1", PassageKind.ANALYSIS, "La rivolta",
                        "In un primo momento, i manifestanti hanno chiesto le dimissioni del governo, una riduzione del "
                        + "prezzo del gas e la rimozione dell’ex presidente - Nursultan Nazarbayev, il cardinale grigio "
                        + "del Kazakistan - dal vertice del Consiglio di sicurezza nazionale. Lo slogan dell’intero paese "
                        + "per questi giorni è diventato “Shal ket!”—”Nonno, vattene!” Quando le proteste hanno preso "
                        + "slancio, le persone sono arrivate rapidamente al punto di non voler accettare nient’altro che "
                        + "un cambiamento completo del governo, inclusa la cacciata dell’attuale presidente "
                        + "Kassym-Jomart Tokayev."),
                it("rivolta-2", PassageKind.ANALYSIS, "La rivolta",
                        "Il regime ha tentato di reprimere le proteste. Eppure i manifestanti sono riusciti a sottrarre "
                        + "armi alla polizia e a reagire, saccheggiando negozi e incendiando o occupando edifici comunali. "
                        + "Il presidente Tokaev ha dichiarato lo stato di emergenza e ha inviato militari contro i "
                        + "manifestanti con l’ordine di sparare a vista a chiunque avesse osato resistere."),
                it("rivolta-3", PassageKind.ANALYSIS, "La rivolta",
                        "2) Il governo autoritario non è scomparso. Il presidente Tokayev ha concentrato più potere nelle "
                        + "sue mani, ha invitato i militari stranieri, ha ordinato alle sue truppe di “sparare senza "
                        + "preavviso”… Ma i kazaki non si sono abituati alla brutalità del governo."),
                it("fonti-1", PassageKind.ANALYSIS, "Fonti russe",
                        "Il giornalista dell’opposizione Lukpan Akhmedyarov, dalla emittente radiofonica Ekho Moskvy, "
                        + "ha detto di credere al fatto che l’attacco armato alle autorità di Almaty fosse opera di "
                        + "seguaci di Nazarbayev[capo del Consiglio di Sicurezza kazako]. Gli argomenti su questa sua "
                        + "convinzione non sono chiari."),
                it("fonti-2", PassageKind.ANALYSIS, "Fonti russe",
                        "La società kazaka ha già visto combattimenti e sparatorie nelle strade: nel 1986, quando il "
                        + "governo di Mikhail Gorbaciov ha represso una rivolta ad Almaty, compiendo un massacro, e nel "
                        + "2011, quando la polizia ha sparato ai lavoratori in sciopero a Zhanaozen, uccidendone a decine."),
                it("intervista-1", PassageKind.INTERVIEW, "Intervista",
                        "Poi abbiamo visto l’Akimat in fiamme. Non potevamo credere ai nostri occhi. La gente teneva "
                        + "accesi dei fuochi."),
                // As an editor typing on a plain keyboard would write it: straight apostrophes.
                it("intervista-2", PassageKind.INTERVIEW, "Intervista",
                        "“Ora”, ha detto, “Stanno sparando”. Le guardie sono rimaste solo vicino all'edificio dell'Akimat."),
                it("intervista-3", PassageKind.INTERVIEW, "Intervista",
                        "Molte delle persone dell’alta borghesia, del governo e dell’economia, avevano già lasciato il "
                        + "paese su voli privati. C’erano voci secondo le quali pure N. Nazarbaev aveva lasciato il paese."),
                it("intervista-4", PassageKind.INTERVIEW, "Intervista",
                        "Il presidente Tokaev è ancora al potere, nonostante le voci riguardanti un suo ritiro."),
                it("cronologia-1", PassageKind.TIMELINE, "Cronologia",
                        "Il giornalista locale indipendente Lukpan Akhmediyarov è stato arrestato."),
                it("note-1", PassageKind.FOOTNOTE, "Note",
                        "Dal 17 al 19 dicembre 1986 ci furono proteste ad Almaty in risposta a Mikhail Gorbaciov, "
                        + "l’allora Segretario Generale del Comitato Centrale del Partito Comunista dell’Unione Sovietica. "
                        + "(Gorbachev in seguito affermò che stava cercando di impedire a Nursultan Nazarbayev di "
                        + "concentrare troppo potere nelle proprie mani.)"),
                it("commento-1", PassageKind.ANALYSIS, "Commenti",
                        "Un lettore ha incollato <script>alert('x')</script> & <b>altro</b> accanto al nome di Almaty."));
    }

    static List<Passage> english() {
        return List.of(
                en("uprising-1", PassageKind.ANALYSIS, "The uprising",
                        "At first, the protesters demanded the resignation of the government and the removal of former "
                        + "president Nursultan Nazarbayev from the Security Council."),
                en("uprising-2", PassageKind.ANALYSIS, "The uprising",
                        "President Tokayev declared a state of emergency and asked the CSTO for troops."),
                en("notes-1", PassageKind.FOOTNOTE, "Notes",
                        "In December 1986, Mikhail Gorbachev replaced the First Secretary of the Communist Party of "
                        + "Kazakhstan, and protests broke out in Almaty."),
                en("interview-1", PassageKind.INTERVIEW, "Interview",
                        "We saw the Akimat on fire. We could not believe our eyes."));
    }

    static List<Passage> russian() {
        return List.of(
                ru("vosstanie-1", PassageKind.ANALYSIS, "Восстание",
                        "Протестующие потребовали отставки правительства и снижения цены на газ."),
                ru("vosstanie-2", PassageKind.ANALYSIS, "Восстание",
                        "Президент Токаев объявил чрезвычайное положение и обратился к ОДКБ за помощью."),
                ru("intervyu-1", PassageKind.INTERVIEW, "Интервью",
                        "Мы видели, как горел акимат, и не могли поверить своим глазам."));
    }

    static List<Passage> portuguese() {
        return List.of(passage(PORTUGUESE, "pt-BR", "O Cazaquistão depois da revolta", "revolta-1",
                PassageKind.ANALYSIS, "A revolta",
                "Os manifestantes ocuparam a prefeitura de Almaty e a polícia recuou."));
    }

    static Passage it(String anchor, PassageKind kind, String section, String text) {
        return passage(ITALIAN, "it", "Il Kazakistan dopo la rivolta", anchor, kind, section, text);
    }

    static Passage en(String anchor, PassageKind kind, String section, String text) {
        return passage(ENGLISH, "en", "Kazakhstan after the uprising", anchor, kind, section, text);
    }

    static Passage ru(String anchor, PassageKind kind, String section, String text) {
        return passage(RUSSIAN, "ru", "Казахстан после восстания", anchor, kind, section, text);
    }

    static Passage passage(long translation, String language, String title, String anchor, PassageKind kind,
            String section, String text) {
        return new Passage("t" + translation + ":" + anchor, language, WORK, title, translation, kind, section,
                anchor, "/" + language + "/" + WORK + "#" + anchor, text);
    }

    /** A stand-in for the database. */
    static PassageSource source(List<Passage> passages) {
        return new PassageSource() {
            @Override
            public void forEachPublished(Consumer<Passage> sink) {
                passages.forEach(sink);
            }

            @Override
            public List<Passage> passagesOf(long translationId) {
                return passages.stream().filter(p -> p.translationId() == translationId).toList();
            }
        };
    }
}
