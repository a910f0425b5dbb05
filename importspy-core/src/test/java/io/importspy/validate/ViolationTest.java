package io.importspy.validate;

import io.importspy.contract.Location;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViolationTest {
    private static final Location AT = new Location("spymodel.yml", 14, 5);

    @Test
    void each_factory_gives_its_category_and_the_builder_fills_every_part() {
        Violation v = Violation.mismatch(Context.FIELD, "a.B.NAME").expected("\"x\"").found("\"y\"")
                .message("field a.B.NAME is \"y\", not \"x\"").fix("set it").at(AT);
        assertThat(v).isEqualTo(new Violation(Category.MISMATCH, Context.FIELD, "a.B.NAME", "\"x\"", "\"y\"",
                "field a.B.NAME is \"y\", not \"x\"", "set it", AT));
        assertThat(Violation.invalid(Context.RUNTIME, "os").expected("e").found("f").message("m").fix("s").at(AT)
                .category()).isEqualTo(Category.INVALID);
        assertThat(Violation.unverified(Context.METHOD, "a.B#c()").expected("e").found("f").message("m").fix("s")
                .at(AT).category()).isEqualTo(Category.UNVERIFIED);
    }

    @Test
    void a_missing_violation_found_nothing_unless_it_says_what_it_found() {
        Violation absent = Violation.missing(Context.CLASS, "a.B").expected("class a.B").message("m").fix("s").at(AT);
        assertThat(absent.category()).isEqualTo(Category.MISSING);
        assertThat(absent.found()).isEqualTo("<absent>");
        assertThat(Violation.missing(Context.MODULE, "module").expected("x").found("<none>").message("m").fix("s")
                .at(AT).found()).isEqualTo("<none>");
    }

    @Test
    void a_part_left_out_is_named() {
        assertThatThrownBy(() -> Violation.mismatch(Context.CLASS, "a.B").expected("e").message("m").fix("s").at(AT))
                .isInstanceOf(NullPointerException.class).hasMessage("found");
    }

    @Test
    void a_suffix_extends_only_the_message() {
        Violation v = Violation.missing(Context.LIBRARY, "library x").expected("e").message("library x is not present")
                .fix("s").at(AT);
        assertThat(v.withMessageSuffix(" (deployment 1 of 2)"))
                .isEqualTo(new Violation(Category.MISSING, Context.LIBRARY, "library x", "e", "<absent>",
                        "library x is not present (deployment 1 of 2)", "s", AT));
    }

    @Test
    void built_in_fixes_offer_the_module_change_then_the_contract_change() {
        assertThat(Fixes.orRemove("add class a.B to the module"))
                .isEqualTo("add class a.B to the module, or remove it from the contract");
        assertThat(Fixes.orRemoveFrom("add x to the module", "it", "module.resources"))
                .isEqualTo("add x to the module, or remove it from module.resources in the contract");
        assertThat(Fixes.orAddToDeployment("run on one of linux", "windows", "os"))
                .isEqualTo("run on one of linux, or add windows to os in the deployment");
    }
}
