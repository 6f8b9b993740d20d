package io.eventline.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Invented news stories, each with a few dated sentences, for the fault scenarios where the Reuters
 * corpus is absent (CI). Written for Eventline; deterministic, so a run can be repeated.
 */
final class SyntheticNews {

    private static final String[] COMPANIES = {"Harbor Freight Lines", "Norrland Mining", "Cedar Valley Bank",
            "Atlas Rail", "Meridian Steel", "Blue Ridge Power", "Kestrel Aviation", "Orion Textiles"};
    private static final String[] CITIES = {"Rotterdam", "Lagos", "Osaka", "Valparaiso", "Gdansk", "Mombasa",
            "Halifax", "Cebu"};
    private static final String[] PEOPLE = {"Maria Lindqvist", "John Okafor", "Akira Tanaka", "Paula Reyes",
            "Tomasz Nowak", "Grace Mwangi"};
    private static final String[] DEALS = {"a new container terminal", "a copper smelter", "a savings branch network",
            "a freight corridor", "a rolling mill", "a wind farm", "a maintenance hangar", "a spinning plant"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    private SyntheticNews() {
    }

    static List<ReutersCorpus.Story> stories(int count) {
        List<ReutersCorpus.Story> stories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String company = COMPANIES[i % COMPANIES.length];
            String city = CITIES[(i / 3) % CITIES.length];
            String person = PEOPLE[(i / 5) % PEOPLE.length];
            String deal = DEALS[(i / 2) % DEALS.length];
            int year = 1980 + i % 9;
            String month = MONTHS[i % 12];
            int day = 1 + (i * 7) % 28;
            String body = String.format(Locale.ROOT,
                    "%s said on %s %d, %d that it had agreed to build %s in %s. "
                            + "Chief executive %s said construction would start in %s %d. "
                            + "The company first listed its shares in %d and opened its %s office on %d %s %d.",
                    company, month, day, year, deal, city, person, MONTHS[(i + 4) % 12], year + 1,
                    1950 + i % 30, city, 1 + (i * 11) % 28, MONTHS[(i + 7) % 12], 1960 + i % 20);
            String title = company + " to build " + deal + " in " + city;
            String publishedAt = String.format(Locale.ROOT, "%d-%02d-%02dT12:00:00Z", year, 1 + i % 12, day);
            stories.add(new ReutersCorpus.Story("synthetic-" + i, title, body, publishedAt));
        }
        return stories;
    }
}
