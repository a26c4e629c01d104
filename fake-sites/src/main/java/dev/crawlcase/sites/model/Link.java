package dev.crawlcase.sites.model;

/**
 * One {@code <a href>} or {@code <area href>} on a page: either a {@link Ref} into the fake world written in
 * some {@link LinkForm}, or a raw href that never leads into the world (mailto:, http://x.invalid/...).
 */
public record Link(Ref target, String raw, LinkForm form, boolean nofollow, boolean area) {

    public static Link to(Ref target, LinkForm form) {
        return new Link(target, null, form, false, false);
    }

    public static Link raw(String href) {
        return new Link(null, href, null, false, false);
    }

    public Link withNofollow() {
        return new Link(target, raw, form, true, area);
    }

    public Link inArea() {
        return new Link(target, raw, form, nofollow, true);
    }

    public boolean isRaw() {
        return target == null;
    }
}
