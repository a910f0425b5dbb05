package io.importspy.internal.contract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A version ordered as Maven orders versions: {@code 1.10 > 1.9}, {@code 1.0-SNAPSHOT < 1.0},
 * {@code 1.0 == 1 == 1.0.0}, {@code 1.0-alpha < 1.0-beta < 1.0-rc < 1.0 < 1.0-sp}.
 *
 * <p>Build metadata after a {@code +} ({@code 17.0.15+6}) is ignored, as semantic versioning does, so
 * Java runtime versions compare by their version number.
 */
final class MavenVersion implements Comparable<MavenVersion> {
    private final String text;
    private final ListItem items;

    private MavenVersion(String text) {
        this.text = text;
        this.items = parse(stripBuild(text));
    }

    static MavenVersion of(String text) {
        return new MavenVersion(text);
    }

    static String stripBuild(String version) {
        int plus = version.indexOf('+');
        return plus > 0 ? version.substring(0, plus) : version;
    }

    @Override
    public int compareTo(MavenVersion other) {
        return items.compareTo(other.items);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MavenVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        return items.canonical().hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private static ListItem parse(String raw) {
        String version = raw.toLowerCase(Locale.ROOT);
        ListItem root = new ListItem();
        ListItem list = root;
        Deque<ListItem> stack = new ArrayDeque<>();
        stack.push(list);
        boolean isDigit = false;
        int start = 0;
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c == '.') {
                list.add(i == start ? IntItem.ZERO : item(isDigit, version.substring(start, i)));
                start = i + 1;
            } else if (c == '-') {
                list.add(i == start ? IntItem.ZERO : item(isDigit, version.substring(start, i)));
                start = i + 1;
                list = descend(list, stack);
            } else if (Character.isDigit(c)) {
                if (!isDigit && i > start) {
                    list.add(new StringItem(version.substring(start, i), true));
                    start = i;
                    list = descend(list, stack);
                }
                isDigit = true;
            } else {
                if (isDigit && i > start) {
                    list.add(item(true, version.substring(start, i)));
                    start = i;
                    list = descend(list, stack);
                }
                isDigit = false;
            }
        }
        if (version.length() > start) {
            list.add(item(isDigit, version.substring(start)));
        }
        while (!stack.isEmpty()) {
            stack.pop().normalize();
        }
        return root;
    }

    /** Opens a sub-list of {@code list} (after '-' or a digit/letter switch) and makes it current. */
    private static ListItem descend(ListItem list, Deque<ListItem> stack) {
        ListItem sub = new ListItem();
        list.add(sub);
        stack.push(sub);
        return sub;
    }

    private static Item item(boolean isDigit, String text) {
        return isDigit ? IntItem.of(text) : new StringItem(text, false);
    }

    /** One component of a parsed version. */
    private interface Item {
        /** Compares with another item, or with "nothing" when {@code other} is null. */
        int compareTo(Item other);

        boolean isNull();

        String canonical();
    }

    /**
     * A number of any length, kept as its decimal digits without leading zeros: comparing two is linear in
     * their length (converting a long digit string to a {@code BigInteger} is not).
     */
    private static final class IntItem implements Item {
        static final IntItem ZERO = new IntItem("0");
        private final String digits;

        private IntItem(String digits) {
            this.digits = digits;
        }

        /** The number {@code text} writes ({@link Character#isDigit} digits, of any script). */
        static IntItem of(String text) {
            StringBuilder ascii = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                int digit = Character.digit(text.charAt(i), 10);
                if (ascii.length() > 0 || digit != 0) {
                    ascii.append((char) ('0' + digit));
                }
            }
            return ascii.length() == 0 ? ZERO : new IntItem(ascii.toString());
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return isNull() ? 0 : 1;
            }
            if (other instanceof IntItem number) {
                int byLength = Integer.compare(digits.length(), number.digits.length());
                return byLength != 0 ? byLength : Integer.signum(digits.compareTo(number.digits));
            }
            return 1; // a number is newer than a qualifier or a sub-list
        }

        @Override
        public boolean isNull() {
            return digits.equals("0");
        }

        @Override
        public String canonical() {
            return digits;
        }
    }

    private static final class StringItem implements Item {
        private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
        private static final String RELEASE_INDEX = String.valueOf(QUALIFIERS.indexOf(""));
        private final String value;

        StringItem(String text, boolean followedByDigit) {
            String value = text;
            if (followedByDigit && value.length() == 1) {
                value = switch (value.charAt(0)) {
                    case 'a' -> "alpha";
                    case 'b' -> "beta";
                    case 'm' -> "milestone";
                    default -> value;
                };
            }
            value = switch (value) {
                case "ga", "final", "release" -> "";
                case "cr" -> "rc";
                default -> value;
            };
            this.value = value;
        }

        private static String comparable(String qualifier) {
            int index = QUALIFIERS.indexOf(qualifier);
            return index == -1 ? QUALIFIERS.size() + "-" + qualifier : String.valueOf(index);
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return comparable(value).compareTo(RELEASE_INDEX);
            }
            if (other instanceof StringItem string) {
                return comparable(value).compareTo(comparable(string.value));
            }
            return -1; // a qualifier is older than a number or a sub-list
        }

        @Override
        public boolean isNull() {
            return value.isEmpty();
        }

        @Override
        public String canonical() {
            return value;
        }
    }

    private static final class ListItem implements Item {
        private final List<Item> items = new ArrayList<>();

        void add(Item item) {
            items.add(item);
        }

        void normalize() {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item last = items.get(i);
                if (last.isNull()) {
                    items.remove(i);
                } else if (!(last instanceof ListItem)) {
                    break;
                }
            }
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return items.isEmpty() ? 0 : items.get(0).compareTo(null);
            }
            if (other instanceof IntItem) {
                return -1;
            }
            if (other instanceof StringItem) {
                return 1;
            }
            Iterator<Item> left = items.iterator();
            Iterator<Item> right = ((ListItem) other).items.iterator();
            while (left.hasNext() || right.hasNext()) {
                Item l = left.hasNext() ? left.next() : null;
                Item r = right.hasNext() ? right.next() : null;
                int result = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }

        @Override
        public boolean isNull() {
            return items.isEmpty();
        }

        @Override
        public String canonical() {
            StringBuilder text = new StringBuilder("(");
            for (Item item : items) {
                text.append(item.canonical()).append(item instanceof ListItem ? "" : ".");
            }
            return text.append(')').toString();
        }
    }
}
