package dk.noegletal.common;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An installation where no editor can sign in says so in its 401, instead of only refusing. */
@QuarkusTest
@TestProfile(NoSignInConfiguredTest.NoEditor.class)
class NoSignInConfiguredTest {

    public static class NoEditor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("noegletal.security.users.editor.password", "", "NOEGLETAL_OIDC_ISSUER", "");
        }
    }

    @Test
    void aWriteIsToldThatNoEditorPasswordOrIdentityProviderIsConfigured() {
        RestAssured.given().auth().preemptive().basic("editor", "anything").contentType("text/csv")
                .body("area,target_group,measure,period,value\n101,dagpenge,full-time-persons,2047,5\n")
                .when().post("/api/v1/imports")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Basic realm=\"noegletal\"")
                .body("detail", equalTo("No one can change data here yet: neither an editor password "
                        + "(NOEGLETAL_EDITOR_PASSWORD) nor an identity provider (NOEGLETAL_OIDC_ISSUER) is configured; "
                        + "the administrator must set one and restart the service."));
    }

    @Test
    void readsStayOpen() {
        RestAssured.given().when().get("/api/v1/areas/157").then().statusCode(200);
    }
}
